//! Outcomes of past collaborations (invited → replied → accepted → posted, with sales and cost): what the
//! match model learns from. They come from the simulator (marked as such), from a file, and later from
//! the outreach pipeline.

use crate::{Result, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum OutcomeSource {
    Simulated,
    Imported,
    Pipeline,
}

impl OutcomeSource {
    fn as_str(self) -> &'static str {
        match self {
            OutcomeSource::Simulated => "simulated",
            OutcomeSource::Imported => "imported",
            OutcomeSource::Pipeline => "pipeline",
        }
    }
}

/// One collaboration's outcome. Money is in minor units of `currency` (the campaign's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub campaign_id: i64,
    pub creator_id: i64,
    pub invited_on: NaiveDate,
    pub replied: bool,
    pub accepted: bool,
    pub posted: bool,
    pub gmv_minor: i64,
    pub cost_minor: i64,
    pub currency: String,
    pub source: OutcomeSource,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeCounts {
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub simulated: u64,
}

impl Store {
    /// Records outcomes in one transaction. A (campaign, creator) pair already recorded is updated, not
    /// duplicated. Returns how many rows were written.
    pub async fn record_outcomes(&self, outcomes: &[Outcome]) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        for o in outcomes {
            sqlx::query(
                "INSERT INTO collaboration_outcomes (campaign_id, creator_id, invited_on, replied, accepted, posted, \
                 gmv_minor, cost_minor, currency, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (campaign_id, creator_id) DO UPDATE SET invited_on = excluded.invited_on, \
                 replied = excluded.replied, accepted = excluded.accepted, posted = excluded.posted, \
                 gmv_minor = excluded.gmv_minor, cost_minor = excluded.cost_minor, currency = excluded.currency, \
                 source = excluded.source, recorded_at = excluded.recorded_at",
            )
            .bind(o.campaign_id)
            .bind(o.creator_id)
            .bind(o.invited_on)
            .bind(o.replied)
            .bind(o.accepted)
            .bind(o.posted)
            .bind(o.gmv_minor)
            .bind(o.cost_minor)
            .bind(&o.currency)
            .bind(o.source.as_str())
            .bind(chrono::Utc::now())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.note_change();
        Ok(outcomes.len() as u64)
    }

    /// Every outcome, oldest invitation first (the order a time-ordered split needs).
    pub async fn outcomes(&self) -> Result<Vec<Outcome>> {
        self.outcomes_where("1 = 1", &[]).await
    }

    /// Outcomes meeting an SQL `condition` with `?` placeholders bound to `binds`, oldest first.
    pub(crate) async fn outcomes_where(&self, condition: &str, binds: &[i64]) -> Result<Vec<Outcome>> {
        let sql = format!(
            "SELECT campaign_id, creator_id, invited_on, replied, accepted, posted, gmv_minor, cost_minor, currency, \
             source FROM collaboration_outcomes WHERE {condition} ORDER BY invited_on, id"
        );
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = query.bind(*b);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let source: String = r.try_get("source")?;
                Ok(Outcome {
                    campaign_id: r.try_get("campaign_id")?,
                    creator_id: r.try_get("creator_id")?,
                    invited_on: r.try_get("invited_on")?,
                    replied: r.try_get("replied")?,
                    accepted: r.try_get("accepted")?,
                    posted: r.try_get("posted")?,
                    gmv_minor: r.try_get("gmv_minor")?,
                    cost_minor: r.try_get("cost_minor")?,
                    currency: r.try_get("currency")?,
                    source: match source.as_str() {
                        "simulated" => OutcomeSource::Simulated,
                        "pipeline" => OutcomeSource::Pipeline,
                        _ => OutcomeSource::Imported,
                    },
                })
            })
            .collect()
    }

    pub async fn outcome_counts(&self) -> Result<OutcomeCounts> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS total, COALESCE(SUM(source = 'simulated'), 0) AS simulated FROM collaboration_outcomes",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(OutcomeCounts {
            total: row.try_get::<i64, _>("total")?.max(0) as u64,
            simulated: row.try_get::<i64, _>("simulated")?.max(0) as u64,
        })
    }
}
