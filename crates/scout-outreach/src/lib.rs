//! Scout's outreach: partnership-offer messages rendered from templates with merge fields (strict: a
//! missing value is an error at preview time), the e-mail channel (the seller's SMTP account, with
//! postal address and one-click opt-out), and the TikTok Shop Open API request signature. The
//! outbox worker, the TikTok Shop client and manual export build on these.

pub mod email;
pub mod signing;
pub mod template;
