//! A campaign's life after it is made: archived (kept, out of the way of active work) and restored, or
//! deleted — only while no offer was queued or sent for it, since the outbox is the record of who was
//! contacted. What a deletion takes with it is counted first, so the window can say so before it happens.

use crate::{Result, Store, StoreError};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a campaign holds: what deleting it would remove, or what archiving it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignFootprint {
    #[ts(type = "number")]
    pub shortlisted: u64,
    /// Offers queued, sent or failed: while there is one, the campaign cannot be deleted.
    #[ts(type = "number")]
    pub offers: u64,
    /// Timeline entries (stage moves and records) of its creators.
    #[ts(type = "number")]
    pub timeline_events: u64,
    /// Agreements, sample shipments and content posts recorded.
    #[ts(type = "number")]
    pub records: u64,
    /// Outcomes the match model learns from.
    #[ts(type = "number")]
    pub outcomes: u64,
    /// Order lines credited to it: they would become unattributed, never deleted.
    #[ts(type = "number")]
    pub attributed_order_lines: u64,
}

impl Store {
    /// Archives (`true`) or restores (`false`) a campaign; archiving one already archived keeps its date.
    pub async fn set_campaign_archived(&self, id: i64, archived: bool) -> Result<crate::Campaign> {
        let done = sqlx::query(
            "UPDATE campaigns SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, ?3) END WHERE id = ?1",
        )
        .bind(id)
        .bind(archived)
        .bind(Utc::now())
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::CampaignNotFound(id));
        }
        self.campaign(id).await
    }

    /// What the campaign holds (see [`CampaignFootprint`]).
    pub async fn campaign_footprint(&self, id: i64) -> Result<CampaignFootprint> {
        self.campaign(id).await?;
        let count = |table: &str| format!("(SELECT COUNT(*) FROM {table} WHERE campaign_id = ?1)");
        let sql = format!(
            "SELECT {}, {}, {}, {} + {} + {}, {}, {}",
            count("shortlist"),
            count("offers"),
            count("pipeline_events"),
            count("agreements"),
            count("sample_shipments"),
            count("content_posts"),
            count("collaboration_outcomes"),
            count("order_lines"),
        );
        let (shortlisted, offers, timeline_events, records, outcomes, orders): (
            i64,
            i64,
            i64,
            i64,
            i64,
            i64,
        ) = sqlx::query_as(&sql).bind(id).fetch_one(&self.pool).await?;
        let n = |v: i64| v.max(0) as u64;
        Ok(CampaignFootprint {
            shortlisted: n(shortlisted),
            offers: n(offers),
            timeline_events: n(timeline_events),
            records: n(records),
            outcomes: n(outcomes),
            attributed_order_lines: n(orders),
        })
    }

    /// Deletes a campaign with its shortlist, timeline, records and outcomes; the order lines credited to
    /// it become unattributed (kept, with no collaboration). Refused while it has any offer.
    pub async fn delete_campaign(&self, id: i64) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let offers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offers WHERE campaign_id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        if offers > 0 {
            return Err(StoreError::CampaignHasOffers { campaign_id: id, offers: offers as u64 });
        }
        sqlx::query(
            "UPDATE order_lines SET campaign_id = NULL, creator_id = NULL, attribution = NULL WHERE campaign_id = ?",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query("DELETE FROM campaigns WHERE id = ?").bind(id).execute(&mut *tx).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::CampaignNotFound(id));
        }
        tx.commit().await?;
        // Its outcomes went with it: the match index, which reads them, is rebuilt.
        self.note_change();
        Ok(())
    }
}
