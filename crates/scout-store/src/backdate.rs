//! Moving one collaboration's whole history into the past. Only the demo workspace uses it, so its
//! synthetic collaborations (labelled as such) have a past that orders can fall into; a seller's own
//! history is never rewritten.

use crate::{Result, Store};

/// Timestamps (RFC 3339 text) and dates of one collaboration, table by table.
const TIMES: [(&str, &[&str]); 4] = [
    ("pipeline_events", &["at"]),
    ("agreements", &["recorded_at"]),
    ("sample_shipments", &["recorded_at"]),
    ("content_posts", &["recorded_at"]),
];
const DATES: [(&str, &[&str]); 3] = [
    ("agreements", &["content_due"]),
    ("sample_shipments", &["shipped_on"]),
    ("content_posts", &["posted_on"]),
];

impl Store {
    /// Moves every timestamp and date of the collaboration (campaign, creator) `days` days back, in one
    /// transaction.
    pub async fn backdate_collaboration(&self, campaign_id: i64, creator_id: i64, days: u32) -> Result<()> {
        let shift = format!("-{days} days");
        let mut tx = self.write_tx().await?;
        let time = |col: &str| format!("{col} = strftime('%Y-%m-%dT%H:%M:%f+00:00', {col}, ?1)");
        let date = |col: &str| format!("{col} = date({col}, ?1)");
        let mut statements = Vec::new();
        for (table, cols) in TIMES {
            statements.push((table, cols.iter().map(|c| time(c)).collect::<Vec<_>>()));
        }
        for (table, cols) in DATES {
            statements.push((table, cols.iter().map(|c| date(c)).collect::<Vec<_>>()));
        }
        statements.push(("shortlist", vec![time("added_at"), time("stage_changed_at")]));
        statements.push((
            "offers",
            vec![time("created_at"), time("updated_at"), time("sent_at"), time("next_attempt_at")],
        ));
        for (table, sets) in statements {
            let sql =
                format!("UPDATE {table} SET {} WHERE campaign_id = ?2 AND creator_id = ?3", sets.join(", "));
            sqlx::query(&sql).bind(&shift).bind(campaign_id).bind(creator_id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
