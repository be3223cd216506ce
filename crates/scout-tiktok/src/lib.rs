//! The TikTok Shop Open API client — one crate for every use Scout makes of the API (outreach, results,
//! and discovery: the creator marketplace's search, filter options, creator performance and "collect
//! all" past a query's ceiling; sample requests — search, review, the content posted — and conversations
//! with creators — open, send, list, read, the newest unread — with the outreach eligibility check).
//! Target collaborations (the platform's partnership offers): OAuth code exchange and token refresh,
//! signed shop-scoped calls (`signing`: the request signature) to create an invitation for up to 50
//! creators, read where its creators stand, search the shop's collaborations, read the weekly outreach
//! quota, and read the shop's affiliate orders as order lines. Every wire name follows the generated
//! models of the Partner Center docs (`wire`, `wire_marketplace`, `wire_samples`, `wire_messages`,
//! `fixtures/tiktok/wire_fields.json`), TikTok's misspellings included. Rate limits and server errors
//! are retried with jittered backoff; an expired access token is refreshed once and the call repeated.
//! The app secret and tokens never appear in errors or `Debug`.

mod auth;
mod categories;
mod client;
mod collaboration;
mod config;
mod error;
mod marketplace;
mod marketplace_collect;
mod marketplace_filter;
mod messages;
mod messages_outgoing;
mod order_lines;
mod orders;
mod outreach_eligibility;
mod performance;
mod quota;
mod samples;
mod samples_read;
pub mod signing;
mod wire;
mod wire_marketplace;
mod wire_messages;
mod wire_samples;

pub use auth::exchange_code;
pub use categories::ShopCategory;
pub use client::{TiktokClient, MAX_RETRIES, REFRESH_MARGIN_SECONDS};
pub use collaboration::{
    CollaborationFilter, CollaborationStatus, CollaborationSummary, CreatedCollaboration, CreatorAnswer,
    CreatorInCollaboration, FreeSampleRule, ProductCommission, TargetCollaboration, COMMISSION_BPS,
    MAX_CREATORS, MAX_PRODUCTS,
};
pub use config::{TiktokConfig, Tokens, DEFAULT_API_BASE, DEFAULT_AUTH_BASE};
pub use error::TiktokError;
pub use marketplace::{
    AgeRange, CategoryFilter, ChosenOptions, ContentPreference, ExactOrRange, FilterOption, Gender, GmvBand,
    MarketplaceCreator, MarketplaceCursor, MarketplaceFilter, MarketplaceFilterOptions, MarketplacePage,
    PostRate, Range, UnitsBand, QUERY_CEILING, SEARCH_PAGE_SIZE,
};
pub use marketplace_collect::{
    split as split_marketplace_query, CollectLimits, CollectProgress, CollectStop, Collected,
};
pub use messages::{
    Conversation, ConversationFilter, ConversationMessage, ConversationPage, MessageKind, MessagePage,
    NewestMessage, OutgoingMessage, CONVERSATION_PAGE_SIZE, MAX_READ_IDS, MAX_TEXT_CHARS, MESSAGE_PAGE_SIZE,
};
pub use orders::{AffiliateOrder, AffiliateOrderPage, ORDERS_WINDOW_DAYS};
pub use outreach_eligibility::{CreatorEligibility, OutreachEligibility, MAX_ELIGIBILITY_CREATORS};
pub use performance::{CreatorPerformance, Share, TrendPoint};
pub use quota::{OutreachQuota, QuotaPart};
pub use samples::{
    ContentFormat, FulfilmentStatus, RejectReason, ReviewDecision, SampleApplication, SampleContent,
    SampleCreator, SamplePage, SampleProduct, SampleQuery, SampleStatus, SAMPLE_PAGE_SIZE,
};

/// Splits `items` into consecutive batches of at most `size` (a `size` of 0 is taken as 1): e.g.
/// creators into invitations of at most [`MAX_CREATORS`].
pub fn batches<T: Clone>(items: &[T], size: usize) -> Vec<Vec<T>> {
    items.chunks(size.max(1)).map(<[T]>::to_vec).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_order_and_size() {
        let items: Vec<u32> = (0..120).collect();
        let b = batches(&items, MAX_CREATORS);
        assert_eq!(b.iter().map(Vec::len).collect::<Vec<_>>(), [50, 50, 20]);
        assert_eq!(b.concat(), items, "nothing lost or reordered");
        assert!(batches::<u32>(&[], 50).is_empty());
        assert_eq!(batches(&[1, 2], 0).len(), 2, "size 0 is taken as 1");
    }
}
