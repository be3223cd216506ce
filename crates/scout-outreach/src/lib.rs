//! Scout's outreach: partnership-offer messages rendered from templates with merge fields (strict: a
//! missing value is an error at preview time), and the TikTok Shop Open API request signature. The
//! outbox and the delivery channels — TikTok Shop target collaborations, SMTP e-mail, manual export —
//! build on these.

pub mod signing;
pub mod template;
