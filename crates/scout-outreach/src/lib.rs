//! Scout's outreach messages and e-mail: partnership-offer messages rendered from templates with merge
//! fields (strict: a missing value is an error at preview time) and the e-mail channel (the seller's
//! SMTP account, with postal address and one-click opt-out). The TikTok Shop client is `scout-tiktok`;
//! delivery (the outbox runner and its channels) is in `scout-app`.

pub mod email;
pub mod template;
