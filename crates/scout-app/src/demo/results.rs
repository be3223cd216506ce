//! The demo's results: a finished example campaign (a lip oil launch) whose 30 best matches went through
//! the pipeline (invited, replies, agreed terms, samples, posts, a few declines and silences) eight to
//! six weeks ago, then a synthetic order export and video export for them imported like a seller's own
//! files — so the Results screen shows what it is for. Everything is synthetic: the creators, the
//! campaign's history and the orders (the imports are named as such). Nothing is left for the seller
//! to follow up: agreements without a sample and without a due date, silences closed as no response.

use crate::{AppError, Result, Workspace};
use chrono::{Days, Utc};
use scout_demo::orders::{
    simulate_orders, simulate_videos, write_orders_csv, write_videos_xlsx, CollaborationSeed, ExportLanguage,
    OrderConfig,
};
use scout_domain::{AgreedTerms, BasisPoints, CampaignSpec, ContentPost, Money, SampleShipment, Stage};
use scout_match::RankQuery;

/// The finished campaign's name; the demo is recognised by its "Example: " prefix.
pub const RESULTS_CAMPAIGN: &str = "Example: Lip oil launch (finished)";

const COLLABORATIONS: u32 = 30;
const SEED: u64 = 11;
/// The first invitation went out this many days ago; each later creator a day after the one before,
/// for a fortnight.
const HISTORY_DAYS: u32 = 56;

/// What happens to the creator ranked `i` (0-based).
fn fate(i: u32) -> Stage {
    match i % 10 {
        0..=3 => Stage::ContentPosted,
        4 => Stage::SampleShipped,
        5 => Stage::Agreed,
        6 => Stage::Declined,
        _ => Stage::NoResponse,
    }
}

impl Workspace {
    /// The finished example campaign, built from the example campaign's audience.
    async fn add_results_campaign(&self) -> Result<scout_store::Campaign> {
        let mut spec: CampaignSpec = serde_json::from_str(crate::EXAMPLE_CAMPAIGN)
            .map_err(|e| AppError::Internal(format!("the example campaign: {e}")))?;
        spec.name = RESULTS_CAMPAIGN.into();
        spec.product.name = "Cherry lip oil 8 ml".into();
        spec.product.price = Money::new(1_800, spec.product.price.currency.clone());
        spec.product.unit_cost = Money::new(420, spec.product.price.currency.clone());
        spec.product.tiktok_product_id = Some("1729384756201938475".into());
        self.create_campaign(&spec).await
    }

    pub(crate) async fn add_demo_results(&self) -> Result<()> {
        let campaign = self.add_results_campaign().await?;
        let query = RankQuery { limit: COLLABORATIONS, ..Default::default() };
        let page = self.rank_matches(campaign.id, &query).await?;
        let today = Utc::now().date_naive();
        let product = &campaign.spec.product;
        let mut seeds = Vec::new();
        for (i, row) in page.rows.iter().enumerate() {
            let i = i as u32;
            let creator = row.creator.id;
            let fate = fate(i);
            let commission = BasisPoints(1_500 + 100 * (i % 5));
            self.store.shortlist_add(campaign.id, creator).await?;
            self.move_stage(campaign.id, creator, Stage::Invited, "offer sent (demo)").await?;
            if fate == Stage::NoResponse {
                self.move_stage(campaign.id, creator, Stage::NoResponse, "no reply (demo)").await?;
            } else {
                self.record_reply(campaign.id, creator, "interested (demo)").await?;
            }
            if fate == Stage::Declined {
                self.move_stage(campaign.id, creator, Stage::Declined, "not a fit for her audience (demo)")
                    .await?;
            }
            let back = HISTORY_DAYS - (i % 14);
            let started = today - Days::new(u64::from(back));
            if matches!(fate, Stage::Agreed | Stage::SampleShipped | Stage::ContentPosted) {
                let terms = AgreedTerms {
                    commission,
                    flat_fee: i.is_multiple_of(3).then(|| {
                        Money::new(5_000 + 2_500 * i64::from(i % 4), product.price.currency.clone())
                    }),
                    free_sample: fate != Stage::Agreed,
                    deliverables: "1 video".into(),
                    content_due: None,
                };
                self.record_agreement(campaign.id, creator, &terms).await?;
            }
            if matches!(fate, Stage::SampleShipped | Stage::ContentPosted) {
                let ship = SampleShipment {
                    carrier: "USPS".into(),
                    tracking_number: format!("940010000000000{:07}", 1_000 + i),
                    cost: Some(Money::new(650 + 25 * i64::from(i % 8), product.price.currency.clone())),
                    shipped_on: today,
                };
                self.record_shipment(campaign.id, creator, &ship).await?;
            }
            if fate == Stage::ContentPosted {
                let post = ContentPost {
                    url: format!("https://www.tiktok.com/@{}/video/73{:017}", row.creator.handle, 100 + i),
                    posted_on: today,
                };
                self.record_post(campaign.id, creator, &post).await?;
            }
            // The whole collaboration (invitation to post) moves back to its start day.
            self.backdate_collaboration(campaign.id, creator, back).await?;
            if matches!(fate, Stage::Agreed | Stage::SampleShipped | Stage::ContentPosted) {
                seeds.push(CollaborationSeed {
                    handle: row.creator.handle.as_str().to_string(),
                    product_id: product
                        .tiktok_product_id
                        .clone()
                        .unwrap_or_else(|| "1729384756201938475".into()),
                    product_name: product.name.clone(),
                    unit_price: product.price.clone(),
                    commission_bp: commission.0,
                    starts_on: started,
                    target_collaboration_id: None,
                    posted: fate == Stage::ContentPosted,
                    strength: 40.0 + 15.0 * f64::from(i % 7),
                });
            }
        }
        // The export was taken yesterday: no order in it is later than now.
        let until = today - Days::new(1);
        let cfg = OrderConfig { seed: SEED, until, organic_share: 0.15, rows: None };
        let demo_error = |e: scout_demo::DemoError| AppError::Internal(format!("demo results: {e}"));
        let dir = tempfile::tempdir().map_err(|source| AppError::Io {
            action: "create a temporary folder in",
            path: std::env::temp_dir(),
            source,
        })?;
        let orders = dir.path().join("Demo orders (synthetic).csv");
        let file = std::fs::File::create(&orders).map_err(|source| AppError::Io {
            action: "create",
            path: orders.clone(),
            source,
        })?;
        write_orders_csv(simulate_orders(&seeds, &cfg).map_err(demo_error)?, ExportLanguage::English, file)
            .map_err(demo_error)?;
        self.import_results(&orders, |_| {}, Default::default()).await?;
        let videos = dir.path().join("Demo videos (synthetic).xlsx");
        write_videos_xlsx(
            simulate_videos(&seeds, &cfg).map_err(demo_error)?,
            ExportLanguage::English,
            &videos,
        )
        .map_err(demo_error)?;
        self.import_results(&videos, |_| {}, Default::default()).await?;
        Ok(())
    }
}

impl Workspace {
    /// Moves one collaboration's whole history `days` into the past. For synthetic workspaces only (the
    /// demo, benchmarks): a seller's own history is never rewritten.
    pub async fn backdate_collaboration(&self, campaign_id: i64, creator_id: i64, days: u32) -> Result<()> {
        Ok(self.store.backdate_collaboration(campaign_id, creator_id, days).await?)
    }
}
