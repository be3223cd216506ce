//! Scout's outreach: partnership-offer messages rendered from templates with merge fields (strict: a
//! missing value is an error at preview time), the e-mail channel (the seller's SMTP account, with
//! postal address and one-click opt-out), the TikTok Shop Open API request signature, and the TikTok
//! Shop client for target collaborations (OAuth tokens and their refresh, signed calls, retries,
//! invitations of up to 50 creators, their status and the outreach quota). The outbox worker and
//! manual export build on these.

pub mod email;
pub mod signing;
pub mod template;
pub mod tiktok;
