//! Taking back the common small acts a moment after they were made (the window's "Undo"): a creator
//! removed from a shortlist comes back as they were, a move on the board is taken off the timeline as
//! if it never happened, a snoozed follow-up is due again. Each checks nothing happened since.

use crate::pipeline::parse_stage;
use crate::{Result, ShortlistEntry, Store, StoreError};
use chrono::{DateTime, Utc};
use scout_domain::{FollowUpKind, Stage};
use sqlx::Row;

impl Store {
    /// Puts a removed shortlist entry back with its note, tags, date added and stage.
    pub async fn shortlist_restore(&self, entry: &ShortlistEntry) -> Result<()> {
        self.campaign(entry.campaign_id).await?;
        let mut tx = self.write_tx().await?;
        // Since when the creator is in that stage: the timeline, which a removal keeps.
        let since: Option<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT max(at) FROM pipeline_events WHERE campaign_id = ? AND creator_id = ? AND from_stage IS NOT to_stage",
        )
        .bind(entry.campaign_id)
        .bind(entry.creator_id)
        .fetch_one(&mut *tx)
        .await?;
        let done = sqlx::query(
            "INSERT INTO shortlist (campaign_id, creator_id, note, tags, added_at, stage, stage_changed_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(entry.campaign_id)
        .bind(entry.creator_id)
        .bind(&entry.note)
        .bind(serde_json::to_string(&entry.tags).unwrap_or_else(|_| "[]".into()))
        .bind(entry.added_at)
        .bind(crate::pipeline::stage_name(entry.stage))
        .bind(since)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::CannotUndo("the creator is on the shortlist again already".into()));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Takes back the creator's last move in the campaign, which must be a move to `to`: the timeline
    /// entry goes and the creator is back where they were. Returns that stage.
    pub async fn undo_move(&self, campaign_id: i64, creator_id: i64, to: Stage) -> Result<Stage> {
        let mut tx = self.write_tx().await?;
        let last = sqlx::query(
            "SELECT id, from_stage, to_stage FROM pipeline_events WHERE campaign_id = ? AND creator_id = ? \
             ORDER BY at DESC, id DESC LIMIT 1",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotShortlisted { campaign_id, creator_id })?;
        let from: Option<String> = last.try_get("from_stage")?;
        let last_to = parse_stage(last.try_get("to_stage")?, creator_id)?;
        let from = from.map(|f| parse_stage(&f, creator_id)).transpose()?;
        let Some(from) = from.filter(|from| *from != last_to && last_to == to) else {
            return Err(StoreError::CannotUndo(format!(
                "something else was recorded for this creator after the move to {}",
                to.label()
            )));
        };
        let event_id: i64 = last.try_get("id")?;
        sqlx::query("DELETE FROM pipeline_events WHERE id = ?").bind(event_id).execute(&mut *tx).await?;
        let since: Option<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT max(at) FROM pipeline_events WHERE campaign_id = ? AND creator_id = ? AND from_stage IS NOT to_stage",
        )
        .bind(campaign_id)
        .bind(creator_id)
        .fetch_one(&mut *tx)
        .await?;
        let done = sqlx::query(
            "UPDATE shortlist SET stage = ?, stage_changed_at = ? WHERE campaign_id = ? AND creator_id = ? AND stage = ?",
        )
        .bind(crate::pipeline::stage_name(from))
        .bind(since)
        .bind(campaign_id)
        .bind(creator_id)
        .bind(crate::pipeline::stage_name(to))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::CannotUndo(format!("the creator is no longer at {}", to.label())));
        }
        tx.commit().await?;
        Ok(from)
    }

    /// Makes a snoozed follow-up due again.
    pub async fn unsnooze_follow_up(
        &self,
        campaign_id: i64,
        creator_id: i64,
        kind: FollowUpKind,
    ) -> Result<()> {
        sqlx::query("DELETE FROM follow_up_snoozes WHERE campaign_id = ? AND creator_id = ? AND kind = ?")
            .bind(campaign_id)
            .bind(creator_id)
            .bind(kind.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
