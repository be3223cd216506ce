//! `scout messages …`: conversations with creators through TikTok Shop.

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MessagesCommand {
    /// Read new messages from TikTok Shop (the unread conversations); a creator's reply moves them to
    /// replied and lands on their timeline.
    Sync {
        #[arg(long)]
        json: bool,
    },
    /// Conversations, newest message first, with unread counts, and the outreach quota left.
    Inbox {
        /// Conversations to show.
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// One conversation: a creator (@handle or id) or a conversation id, with what Scout queued for them.
    Show {
        #[arg(value_name = "CREATOR_OR_CONVERSATION")]
        who: String,
        #[arg(long)]
        json: bool,
    },
    /// Send a creator (@handle or id) a text. Like invite and follow-up it is queued in the outbox, then
    /// the outbox runs for TikTok Shop (which also sends anything else queued for TikTok Shop: offers,
    /// sample reviews); with --queue-only, `scout outbox run` or the window sends it later.
    Send {
        #[arg(value_name = "CREATOR")]
        creator: String,
        text: String,
        /// Only queue it; do not run the outbox now.
        #[arg(long)]
        queue_only: bool,
    },
    /// Send the collaboration card (and --text after it) to every creator invited through TikTok Shop in
    /// the campaign.
    Invite {
        /// The campaign's id or exact name.
        campaign: String,
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        queue_only: bool,
    },
    /// One follow-up to each creator invited through TikTok Shop N days ago (the setting, default 3) who
    /// has not replied.
    FollowUp {
        /// The campaign's id or exact name.
        campaign: String,
        #[arg(long, value_name = "N")]
        after_days: Option<u32>,
        /// Show who would get which text; queue nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        queue_only: bool,
    },
    /// Mark a conversation read on TikTok Shop.
    Read {
        #[arg(value_name = "CONVERSATION")]
        conversation: String,
    },
}
