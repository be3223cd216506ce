//! Campaigns and their shortlists. A campaign's spec is stored as one JSON document; the domain
//! validates it before it gets here.

use crate::{Result, Store, StoreError};
use chrono::{DateTime, Utc};
use scout_domain::CampaignSpec;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Campaign {
    #[ts(type = "number")]
    pub id: i64,
    pub spec: CampaignSpec,
    /// Made up by the simulator, not by the seller.
    pub simulated: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the seller archived it; `None` while active.
    pub archived_at: Option<DateTime<Utc>>,
    #[ts(type = "number")]
    pub shortlisted: u64,
    #[ts(type = "number")]
    pub outcomes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ShortlistEntry {
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number")]
    pub creator_id: i64,
    pub note: String,
    pub tags: Vec<String>,
    pub added_at: DateTime<Utc>,
    /// Where the creator stands in the campaign's pipeline.
    pub stage: scout_domain::Stage,
}

const CAMPAIGN_SELECT: &str = "SELECT c.id, c.spec, c.simulated, c.created_at, c.updated_at, c.archived_at, \
     (SELECT COUNT(*) FROM shortlist s WHERE s.campaign_id = c.id) AS shortlisted, \
     (SELECT COUNT(*) FROM collaboration_outcomes o WHERE o.campaign_id = c.id) AS outcomes \
     FROM campaigns c";

fn campaign_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Campaign> {
    let id: i64 = row.try_get("id")?;
    let spec: String = row.try_get("spec")?;
    let spec = serde_json::from_str(&spec).map_err(|e| StoreError::Corrupt {
        table: "campaigns",
        column: "spec",
        id,
        message: e.to_string(),
    })?;
    Ok(Campaign {
        id,
        spec,
        simulated: row.try_get("simulated")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        archived_at: row.try_get("archived_at")?,
        shortlisted: row.try_get::<i64, _>("shortlisted")?.max(0) as u64,
        outcomes: row.try_get::<i64, _>("outcomes")?.max(0) as u64,
    })
}

fn spec_json(spec: &CampaignSpec) -> String {
    // A CampaignSpec is plain data; serializing it cannot fail.
    serde_json::to_string(spec).unwrap_or_default()
}

impl Store {
    pub async fn create_campaign(&self, spec: &CampaignSpec, simulated: bool) -> Result<Campaign> {
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO campaigns (name, spec, simulated, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&spec.name)
        .bind(spec_json(spec))
        .bind(simulated)
        .bind(now)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        self.campaign(id).await
    }

    pub async fn update_campaign(&self, id: i64, spec: &CampaignSpec) -> Result<Campaign> {
        let done = sqlx::query("UPDATE campaigns SET name = ?, spec = ?, updated_at = ? WHERE id = ?")
            .bind(&spec.name)
            .bind(spec_json(spec))
            .bind(Utc::now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::CampaignNotFound(id));
        }
        self.campaign(id).await
    }

    pub async fn campaign(&self, id: i64) -> Result<Campaign> {
        let row = sqlx::query(&format!("{CAMPAIGN_SELECT} WHERE c.id = ?"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::CampaignNotFound(id))?;
        campaign_from_row(&row)
    }

    /// Newest first.
    pub async fn list_campaigns(&self) -> Result<Vec<Campaign>> {
        let rows = sqlx::query(&format!("{CAMPAIGN_SELECT} ORDER BY c.updated_at DESC, c.id DESC"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(campaign_from_row).collect()
    }

    /// Adds a creator to a campaign's shortlist; adding one already there keeps its note and tags.
    pub async fn shortlist_add(&self, campaign_id: i64, creator_id: i64) -> Result<()> {
        self.campaign(campaign_id).await?;
        self.creator_exists(creator_id).await?;
        // Entering the pipeline is its first timeline event; adding again changes nothing.
        if self.stage(campaign_id, creator_id).await?.is_none() {
            self.move_stage(campaign_id, creator_id, scout_domain::Stage::Shortlisted, "shortlisted").await?;
        }
        Ok(())
    }

    pub async fn shortlist_remove(&self, campaign_id: i64, creator_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM shortlist WHERE campaign_id = ? AND creator_id = ?")
            .bind(campaign_id)
            .bind(creator_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn shortlist_annotate(
        &self,
        campaign_id: i64,
        creator_id: i64,
        note: &str,
        tags: &[String],
    ) -> Result<()> {
        let done =
            sqlx::query("UPDATE shortlist SET note = ?, tags = ? WHERE campaign_id = ? AND creator_id = ?")
                .bind(note)
                .bind(serde_json::to_string(tags).unwrap_or_else(|_| "[]".into()))
                .bind(campaign_id)
                .bind(creator_id)
                .execute(&self.pool)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotShortlisted { campaign_id, creator_id });
        }
        Ok(())
    }

    /// The shortlist, oldest addition first.
    pub async fn shortlist(&self, campaign_id: i64) -> Result<Vec<ShortlistEntry>> {
        let rows = sqlx::query(
            "SELECT campaign_id, creator_id, note, tags, added_at, stage FROM shortlist WHERE campaign_id = ? \
             ORDER BY added_at, creator_id",
        )
        .bind(campaign_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let creator_id: i64 = row.try_get("creator_id")?;
                let tags: String = row.try_get("tags")?;
                Ok(ShortlistEntry {
                    campaign_id: row.try_get("campaign_id")?,
                    creator_id,
                    note: row.try_get("note")?,
                    tags: serde_json::from_str(&tags).map_err(|e| StoreError::Corrupt {
                        table: "shortlist",
                        column: "tags",
                        id: creator_id,
                        message: e.to_string(),
                    })?,
                    added_at: row.try_get("added_at")?,
                    stage: crate::pipeline::parse_stage(row.try_get("stage")?, creator_id)?,
                })
            })
            .collect()
    }

    async fn creator_exists(&self, id: i64) -> Result<()> {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM creators WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        found.map(|_| ()).ok_or(StoreError::CreatorNotFound(id))
    }
}
