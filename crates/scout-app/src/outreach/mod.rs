//! Outreach: the seller's profile and e-mail account, offers previewed and queued, the send queue, and
//! delivery through every channel by one runner.

mod delivery;
mod offers;
mod queue;
mod settings;

pub(crate) use delivery::{missing_product_id, retry_at, MAX_ATTEMPTS};
pub use delivery::{OutboxProblem, OutboxReport, OutboxRun};
pub use offers::{OfferDraft, OfferPreview, PreviewedMessage};
pub(crate) use settings::no_email_account;
pub use settings::{EmailSettings, SellerProfile};
