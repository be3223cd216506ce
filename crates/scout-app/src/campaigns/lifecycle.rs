//! A campaign's life after it is made: archived and restored, duplicated (its settings, under a name not
//! in use, never its shortlist or history), deleted after the window said what goes with it; and a
//! shortlist removal taken back.

use crate::{Result, Workspace};
use scout_store::{Campaign, CampaignFootprint, ShortlistEntry};

impl Workspace {
    /// Archives (`true`) or restores (`false`) a campaign: an archived one keeps everything, but leaves
    /// the board of active work and the follow-ups.
    #[tracing::instrument(skip(self))]
    pub async fn archive_campaign(&self, id: i64, archived: bool) -> Result<Campaign> {
        Ok(self.store.set_campaign_archived(id, archived).await?)
    }

    /// A new campaign with this one's settings, named "… (copy)"; its shortlist and history stay behind.
    #[tracing::instrument(skip(self))]
    pub async fn duplicate_campaign(&self, id: i64) -> Result<Campaign> {
        let original = self.store.campaign(id).await?;
        let all = self.store.list_campaigns().await?;
        let mut spec = original.spec;
        spec.name = spec.copy_name(all.iter().map(|c| c.spec.name.as_str()));
        self.create_campaign(&spec).await
    }

    /// What deleting the campaign would remove (and whether it may be deleted: not with offers).
    pub async fn campaign_footprint(&self, id: i64) -> Result<CampaignFootprint> {
        Ok(self.store.campaign_footprint(id).await?)
    }

    /// Deletes a campaign with its shortlist, timeline, records and outcomes; its credited orders become
    /// unattributed. Refused while it has offers (archive it instead).
    #[tracing::instrument(skip(self))]
    pub async fn delete_campaign(&self, id: i64) -> Result<()> {
        Ok(self.store.delete_campaign(id).await?)
    }

    /// Puts a creator removed from a shortlist back as they were (note, tags, stage): "Undo".
    pub async fn shortlist_restore(&self, entry: &ShortlistEntry) -> Result<()> {
        Ok(self.store.shortlist_restore(entry).await?)
    }
}
