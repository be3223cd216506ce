//! Finished collaborations as labelled outcomes for the match model: invited, replied, accepted, posted,
//! and what they sold and cost in the campaign's currency. An outcome's `recorded_at` moves only when
//! its values change, so "new since the model was trained" counts real news.

use super::report::{posted, reached, INVITED_AT, STAGES_AGREED, STAGES_REPLIED};
use crate::{Result, Store};
use chrono::{DateTime, Utc};

/// Stages after which a collaboration is over and its outcome is known.
const FINISHED: &str = "('completed', 'declined', 'no_response')";

impl Store {
    /// Writes (or updates) the outcome of every finished collaboration of the seller's own campaigns.
    /// Sales in another currency than the campaign's are left out of its GMV. Returns how many outcomes
    /// changed.
    pub async fn record_pipeline_outcomes(&self) -> Result<u64> {
        let sql = format!(
            "INSERT INTO collaboration_outcomes (campaign_id, creator_id, invited_on, replied, accepted, posted, \
             gmv_minor, cost_minor, currency, source, recorded_at) \
             SELECT * FROM (SELECT s.campaign_id, s.creator_id, substr({INVITED_AT}, 1, 10) AS invited_on, \
               {replied} AS replied, {agreed} AS accepted, \
               {posted} AS posted, \
               coalesce((SELECT sum(l.payment_minor - l.refund_minor) FROM order_lines l \
                 WHERE l.campaign_id = s.campaign_id AND l.creator_id = s.creator_id AND l.currency = cur.code), 0) \
                 AS gmv, \
               coalesce((SELECT sum(CASE l.settlement WHEN 'settled' THEN coalesce(l.commission_actual_minor, \
                 l.commission_est_minor) WHEN 'pending' THEN l.commission_est_minor ELSE 0 END) FROM order_lines l \
                 WHERE l.campaign_id = s.campaign_id AND l.creator_id = s.creator_id AND l.currency = cur.code), 0) \
               + coalesce((SELECT a.flat_fee_minor FROM agreements a WHERE a.campaign_id = s.campaign_id \
                 AND a.creator_id = s.creator_id AND a.flat_fee_currency = cur.code), 0) \
               + coalesce((SELECT sum(coalesce(CASE WHEN x.cost_currency = cur.code THEN x.cost_minor END, 0) \
                 + cur.unit_cost) FROM sample_shipments x WHERE x.campaign_id = s.campaign_id \
                 AND x.creator_id = s.creator_id), 0) AS cost, \
               cur.code, 'pipeline', ?1 \
             FROM shortlist s JOIN campaigns c ON c.id = s.campaign_id \
             JOIN (SELECT id, json_extract(spec, '$.product.price.currency') AS code, \
                   json_extract(spec, '$.product.unit_cost.minor') AS unit_cost FROM campaigns) cur ON cur.id = c.id \
             WHERE c.simulated = 0 AND s.stage IN {FINISHED}) WHERE invited_on <> '9999' \
             ON CONFLICT (campaign_id, creator_id) DO UPDATE SET invited_on = excluded.invited_on, \
             replied = excluded.replied, accepted = excluded.accepted, posted = excluded.posted, \
             gmv_minor = excluded.gmv_minor, cost_minor = excluded.cost_minor, currency = excluded.currency, \
             recorded_at = excluded.recorded_at \
             WHERE collaboration_outcomes.source = 'pipeline' AND (collaboration_outcomes.invited_on, \
             collaboration_outcomes.replied, collaboration_outcomes.accepted, collaboration_outcomes.posted, \
             collaboration_outcomes.gmv_minor, collaboration_outcomes.cost_minor, collaboration_outcomes.currency) \
             IS NOT (excluded.invited_on, excluded.replied, excluded.accepted, excluded.posted, excluded.gmv_minor, \
             excluded.cost_minor, excluded.currency)",
            replied = reached(STAGES_REPLIED),
            agreed = reached(STAGES_AGREED),
            posted = posted(),
        );
        let done = sqlx::query(&sql).bind(Utc::now()).execute(&self.pool).await?.rows_affected();
        if done > 0 {
            self.note_change();
        }
        Ok(done)
    }

    /// The seller's own outcomes (not simulated): how many in all, and how many were written after
    /// `since` (all of them when `since` is `None`).
    pub async fn own_outcome_counts(&self, since: Option<DateTime<Utc>>) -> Result<(u64, u64)> {
        let (all, new): (i64, i64) = sqlx::query_as(
            "SELECT count(*), coalesce(sum(?1 IS NULL OR recorded_at IS NULL OR recorded_at > ?1), 0) \
             FROM collaboration_outcomes WHERE source <> 'simulated'",
        )
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok((u64::try_from(all).unwrap_or(0), u64::try_from(new).unwrap_or(0)))
    }

    /// When the newest learned model was trained.
    pub async fn last_trained_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(sqlx::query_scalar("SELECT max(trained_at) FROM match_models").fetch_one(&self.pool).await?)
    }
}
