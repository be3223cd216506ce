//! Conversations with creators through TikTok Shop (issue 19, decision 0026): each conversation as the
//! last poll saw it (keyed by TikTok's id; linked to the workspace's creator by the open id Scout opened
//! it with, else by username) and its messages (keyed by TikTok's message id, so a message is never
//! stored twice however often it is read). A creator's new message moves them to replied in every
//! campaign they were invited to, or notes it on the timeline where they are further along — in the
//! same transaction as the message itself.

use crate::pipeline::{move_in, note_in, parse_stage};
use crate::{Result, Store};
use chrono::{DateTime, Utc};
use scout_domain::Stage;
use serde::Serialize;
use sqlx::Row;
use ts_rs::TS;

/// Characters of a message's words a timeline entry keeps.
const TIMELINE_TEXT_CHARS: usize = 80;
/// How much TikTok's clock may lag the machine's when a message is compared with a move on the board.
const CLOCK_SLACK: chrono::Duration = chrono::Duration::minutes(5);

/// A conversation as TikTok shows it now; `None` = TikTok did not say (a known value is kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IncomingConversation {
    pub conversation_id: String,
    pub creator_open_id: Option<String>,
    pub username: Option<String>,
    pub creator_im_id: Option<String>,
    /// TikTok's unread count; `None` leaves the stored one.
    pub unread: Option<u64>,
}

/// A message as TikTok shows it (or as Scout just sent it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingMessage {
    pub message_id: String,
    pub from_creator: bool,
    /// TikTok's `msg_type` word.
    pub kind: String,
    pub text: Option<String>,
    pub content: String,
    pub index: Option<u64>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// A stored conversation as an inbox shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct InboxConversation {
    pub conversation_id: String,
    pub creator_open_id: Option<String>,
    pub username: Option<String>,
    /// The workspace's creator, when linked.
    #[ts(type = "number | null")]
    pub creator_id: Option<i64>,
    /// Their handle in the workspace, when linked.
    pub handle: Option<String>,
    #[ts(type = "number")]
    pub unread: u64,
    pub last_message_at: Option<DateTime<Utc>>,
    /// The newest stored message's words (or its kind, for a card), for the list.
    pub last_text: Option<String>,
    pub last_from_creator: Option<bool>,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StoredMessage {
    pub message_id: String,
    pub conversation_id: String,
    pub from_creator: bool,
    pub kind: String,
    pub text: Option<String>,
    pub content: String,
    #[ts(type = "number | null")]
    pub index: Option<u64>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// What saving one conversation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConversationSaved {
    /// Messages stored for the first time.
    pub new_messages: u32,
    /// Of those, the creator's.
    pub new_from_creator: u32,
    /// The workspace's creator the conversation is linked to.
    pub creator_id: Option<i64>,
    /// Campaigns in which the creator moved to replied.
    pub moved_to_replied: Vec<i64>,
    /// Campaigns in which the creator was further along: the message was noted on the timeline.
    pub noted: Vec<i64>,
}

/// `text` cut to `max` characters, with "…" when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!("{}…", flat.chars().take(max.saturating_sub(1)).collect::<String>().trim_end())
    }
}

/// What a message says on a timeline: its words, else its kind ("a target collaboration card").
fn what_it_says(m: &IncomingMessage) -> String {
    match m.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("“{}”", shorten(t, TIMELINE_TEXT_CHARS)),
        None => format!("a {}", m.kind.to_ascii_lowercase().replace('_', " ")),
    }
}

/// The timeline's words for the creator's new messages (oldest first): the newest one and how many more.
fn reply_cause(new: &[&IncomingMessage], now: DateTime<Utc>) -> String {
    let Some(newest) = new.last() else { return "replied on TikTok Shop".into() };
    let at = newest.sent_at.unwrap_or(now).format("%Y-%m-%d %H:%M UTC");
    let more = match new.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} earlier message{})", n - 1, if n == 2 { "" } else { "s" }),
    };
    format!("replied on TikTok Shop at {at}: {}{more}", what_it_says(newest))
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

const INBOX_COLUMNS: &str = "c.conversation_id, c.creator_open_id, c.username, c.creator_id, cr.handle, \
    c.unread, c.last_message_at, \
    (SELECT coalesce(m.text, m.kind) FROM conversation_messages m WHERE m.conversation_id = c.conversation_id \
     ORDER BY m.sent_at DESC, m.conversation_index DESC LIMIT 1) AS last_text, \
    (SELECT m.from_creator FROM conversation_messages m WHERE m.conversation_id = c.conversation_id \
     ORDER BY m.sent_at DESC, m.conversation_index DESC LIMIT 1) AS last_from_creator";

fn inbox_row(r: &sqlx::sqlite::SqliteRow) -> Result<InboxConversation> {
    Ok(InboxConversation {
        conversation_id: r.try_get("conversation_id")?,
        creator_open_id: r.try_get("creator_open_id")?,
        username: r.try_get("username")?,
        creator_id: r.try_get("creator_id")?,
        handle: r.try_get("handle")?,
        unread: r.try_get::<i64, _>("unread")?.max(0) as u64,
        last_message_at: r.try_get("last_message_at")?,
        last_text: r.try_get("last_text")?,
        last_from_creator: r.try_get("last_from_creator")?,
    })
}

impl Store {
    /// Saves a conversation and the messages a poll read (or Scout just sent), in one transaction: the
    /// conversation upserted without blanking what is known, linked to the workspace's creator (by open
    /// id, else by username) when it is not yet, each message stored once (a message already stored only
    /// gains TikTok's order and time), and — for the creator's messages new to the workspace and written
    /// after the invitation (a first read brings the conversation's history) — the
    /// creator moved to replied in each campaign where they are invited (or marked "no response"), the
    /// message noted on the timeline in each other campaign they were contacted in.
    pub async fn save_conversation(
        &self,
        conversation: &IncomingConversation,
        messages: &[IncomingMessage],
        now: DateTime<Utc>,
    ) -> Result<ConversationSaved> {
        let mut tx = self.write_tx().await?;
        let saved = save_in(&mut tx, conversation, messages, now).await?;
        tx.commit().await?;
        Ok(saved)
    }

    /// Which of `message_ids` are stored already.
    pub async fn stored_message_ids(&self, message_ids: &[String]) -> Result<Vec<String>> {
        let ids = serde_json::to_string(message_ids).unwrap_or_else(|_| "[]".into());
        Ok(sqlx::query_scalar(
            "SELECT message_id FROM conversation_messages WHERE message_id IN (SELECT value FROM json_each(?))",
        )
        .bind(ids)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The creator's IM id stored for a conversation (what tells their messages from the shop's).
    pub async fn conversation_im_id(&self, conversation_id: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar::<_, Option<String>>(
            "SELECT creator_im_id FROM conversations WHERE conversation_id = ?",
        )
        .bind(conversation_id.trim())
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }

    /// Stored conversations, newest message first, at most `limit`.
    pub async fn inbox(&self, limit: u32) -> Result<Vec<InboxConversation>> {
        let rows = sqlx::query(&format!(
            "SELECT {INBOX_COLUMNS} FROM conversations c LEFT JOIN creators cr ON cr.id = c.creator_id \
             ORDER BY c.last_message_at IS NULL, c.last_message_at DESC, c.conversation_id LIMIT ?"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(inbox_row).collect()
    }

    /// One stored conversation by TikTok's id.
    pub async fn conversation(&self, conversation_id: &str) -> Result<Option<InboxConversation>> {
        let row = sqlx::query(&format!(
            "SELECT {INBOX_COLUMNS} FROM conversations c LEFT JOIN creators cr ON cr.id = c.creator_id \
             WHERE c.conversation_id = ?"
        ))
        .bind(conversation_id.trim())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(inbox_row).transpose()
    }

    /// The creator's conversation (the most recent, should TikTok have given them two).
    pub async fn conversation_with(&self, creator_id: i64) -> Result<Option<InboxConversation>> {
        let row = sqlx::query(&format!(
            "SELECT {INBOX_COLUMNS} FROM conversations c LEFT JOIN creators cr ON cr.id = c.creator_id \
             WHERE c.creator_id = ? ORDER BY c.last_message_at DESC, c.conversation_id LIMIT 1"
        ))
        .bind(creator_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(inbox_row).transpose()
    }

    /// A conversation's stored messages, oldest first.
    pub async fn conversation_messages(&self, conversation_id: &str) -> Result<Vec<StoredMessage>> {
        let rows = sqlx::query(
            "SELECT message_id, conversation_id, from_creator, kind, text, content, conversation_index, sent_at \
             FROM conversation_messages WHERE conversation_id = ? \
             ORDER BY sent_at, coalesce(conversation_index, 0), message_id",
        )
        .bind(conversation_id.trim())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredMessage {
                    message_id: r.try_get("message_id")?,
                    conversation_id: r.try_get("conversation_id")?,
                    from_creator: r.try_get("from_creator")?,
                    kind: r.try_get("kind")?,
                    text: r.try_get("text")?,
                    content: r.try_get("content")?,
                    index: r.try_get::<Option<i64>, _>("conversation_index")?.map(|i| i.max(0) as u64),
                    sent_at: r.try_get("sent_at")?,
                })
            })
            .collect()
    }

    /// The conversation is read on TikTok Shop: no unread messages.
    pub async fn set_conversation_read(&self, conversation_id: &str) -> Result<()> {
        sqlx::query("UPDATE conversations SET unread = 0, updated_at = ? WHERE conversation_id = ?")
            .bind(Utc::now())
            .bind(conversation_id.trim())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Messages the shop sent the creator since their latest message (all of them when they never
    /// wrote), over their stored conversations: what TikTok's "5 messages before a reply" counts.
    pub async fn shop_messages_since_reply(&self, creator_id: i64) -> Result<u32> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM conversation_messages m JOIN conversations c USING (conversation_id) \
             WHERE c.creator_id = ?1 AND m.from_creator = 0 AND m.sent_at > coalesce( \
               (SELECT max(r.sent_at) FROM conversation_messages r JOIN conversations rc USING (conversation_id) \
                WHERE rc.creator_id = ?1 AND r.from_creator = 1), '')",
        )
        .bind(creator_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n.max(0) as u32)
    }

    /// How many messages the creator has written to the shop (stored).
    pub async fn creator_message_count(&self, creator_id: i64) -> Result<u32> {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM conversation_messages m JOIN conversations c USING (conversation_id) \
             WHERE c.creator_id = ? AND m.from_creator = 1",
        )
        .bind(creator_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n.max(0) as u32)
    }

    /// Whether Scout has talked with the creator through TikTok Shop: a stored conversation, or an
    /// offer sent as a target collaboration (TikTok counts them as connected; messaging them uses no
    /// outreach quota).
    pub async fn talked_with(&self, creator_id: i64) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM conversations WHERE creator_id = ?1) \
             OR EXISTS (SELECT 1 FROM offers WHERE creator_id = ?1 AND channel = 'tiktok' AND state = 'sent')",
        )
        .bind(creator_id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The creator's current stage in each campaign they are on, as `(campaign_id, stage)`.
    pub async fn stages_of(&self, creator_id: i64) -> Result<Vec<(i64, Stage)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT campaign_id, stage FROM shortlist WHERE creator_id = ? ORDER BY campaign_id",
        )
        .bind(creator_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|(c, s)| Ok((c, parse_stage(&s, creator_id)?))).collect()
    }
}

/// [`Store::save_conversation`] inside a transaction.
pub(crate) async fn save_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Sqlite>,
    conversation: &IncomingConversation,
    messages: &[IncomingMessage],
    now: DateTime<Utc>,
) -> Result<ConversationSaved> {
    let id = conversation.conversation_id.trim();
    if id.is_empty() {
        return Err(crate::StoreError::InvalidConversation {
            conversation_id: String::new(),
            message: "the conversation id is empty".into(),
        });
    }
    sqlx::query(
        "INSERT INTO conversations (conversation_id, creator_open_id, username, creator_im_id, unread, \
             first_seen_at, updated_at) VALUES (?1, ?2, ?3, ?4, coalesce(?5, 0), ?6, ?6) \
             ON CONFLICT (conversation_id) DO UPDATE SET \
             creator_open_id = coalesce(excluded.creator_open_id, conversations.creator_open_id), \
             username = coalesce(excluded.username, conversations.username), \
             creator_im_id = coalesce(excluded.creator_im_id, conversations.creator_im_id), \
             unread = coalesce(?5, conversations.unread), updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(conversation.creator_open_id.as_deref().map(str::trim).filter(|s| !s.is_empty()))
    .bind(conversation.username.as_deref().map(str::trim).filter(|s| !s.is_empty()))
    .bind(conversation.creator_im_id.as_deref().map(str::trim).filter(|s| !s.is_empty()))
    .bind(conversation.unread.map(clamp))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    // Linked once: by the open id Scout opened it with, else by username (TikTok's list has no open id).
    sqlx::query(
            "UPDATE conversations SET creator_id = coalesce( \
             (SELECT id FROM creators WHERE platform = 'tiktok' AND open_id = conversations.creator_open_id), \
             (SELECT id FROM creators WHERE platform = 'tiktok' \
              AND handle = lower(ltrim(trim(conversations.username), '@')) ORDER BY id LIMIT 1)) \
             WHERE conversation_id = ? AND creator_id IS NULL",
        )
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let creator_id: Option<i64> =
        sqlx::query_scalar("SELECT creator_id FROM conversations WHERE conversation_id = ?")
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;

    let mut saved = ConversationSaved { creator_id, ..Default::default() };
    let mut theirs: Vec<&IncomingMessage> = Vec::new();
    let mut ordered: Vec<&IncomingMessage> = messages.iter().collect();
    ordered.sort_by_key(|m| (m.index, m.sent_at));
    for m in ordered {
        let message_id = m.message_id.trim();
        if message_id.is_empty() {
            return Err(crate::StoreError::InvalidConversation {
                conversation_id: id.to_string(),
                message: "a message without an id".into(),
            });
        }
        let inserted = sqlx::query(
            "INSERT INTO conversation_messages (message_id, conversation_id, from_creator, kind, text, \
                 content, conversation_index, sent_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) \
                 ON CONFLICT (message_id) DO NOTHING",
        )
        .bind(message_id)
        .bind(id)
        .bind(m.from_creator)
        .bind(&m.kind)
        .bind(&m.text)
        .bind(&m.content)
        .bind(m.index.map(clamp))
        .bind(m.sent_at.unwrap_or(now))
        .bind(now)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            saved.new_messages += 1;
            if m.from_creator {
                saved.new_from_creator += 1;
                theirs.push(m);
            }
        } else {
            // Read back after Scout sent it: TikTok's order and time replace Scout's clock.
            sqlx::query(
                "UPDATE conversation_messages SET \
                     conversation_index = coalesce(?, conversation_index), sent_at = coalesce(?, sent_at) \
                     WHERE message_id = ?",
            )
            .bind(m.index.map(clamp))
            .bind(m.sent_at)
            .bind(message_id)
            .execute(&mut **tx)
            .await?;
        }
    }
    sqlx::query(
        "UPDATE conversations SET last_message_at = \
             (SELECT max(sent_at) FROM conversation_messages WHERE conversation_id = ?1) \
             WHERE conversation_id = ?1",
    )
    .bind(id)
    .execute(&mut **tx)
    .await?;

    if let (Some(creator_id), false) = (creator_id, theirs.is_empty()) {
        let cause = reply_cause(&theirs, now);
        // A conversation read for the first time brings its history: only a message written after the
        // creator was invited (or entered the campaign) is a reply to it.
        let newest = theirs.iter().map(|m| m.sent_at.unwrap_or(now)).max().unwrap_or(now) + CLOCK_SLACK;
        let campaigns: Vec<(i64, String, DateTime<Utc>, DateTime<Utc>)> = sqlx::query_as(
            "SELECT campaign_id, stage, coalesce(stage_changed_at, added_at), added_at FROM shortlist \
             WHERE creator_id = ? AND stage <> 'shortlisted' ORDER BY campaign_id",
        )
        .bind(creator_id)
        .fetch_all(&mut **tx)
        .await?;
        for (campaign_id, stage, since, added) in campaigns {
            let stage = parse_stage(&stage, creator_id)?;
            if matches!(stage, Stage::Invited | Stage::NoResponse) {
                if newest >= since {
                    move_in(tx, campaign_id, creator_id, Stage::Replied, &cause, now).await?;
                    saved.moved_to_replied.push(campaign_id);
                }
            } else if newest >= added {
                note_in(tx, campaign_id, creator_id, stage, &cause, now).await?;
                saved.noted.push(campaign_id);
            }
        }
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_message_is_shortened_on_one_line() {
        assert_eq!(shorten("Yes  please,\nsend it!", 80), "Yes please, send it!");
        let long = "a".repeat(100);
        let s = shorten(&long, 10);
        assert_eq!((s.chars().count(), s.ends_with('…')), (10, true));
    }

    #[test]
    fn the_timeline_says_the_newest_message_and_how_many_came_before() {
        let m = |text: Option<&str>, kind: &str| IncomingMessage {
            message_id: "1".into(),
            from_creator: true,
            kind: kind.into(),
            text: text.map(str::to_string),
            content: "{}".into(),
            index: None,
            sent_at: DateTime::from_timestamp(1_796_083_200, 0),
        };
        let (a, b) = (m(Some("Hi"), "TEXT"), m(Some("Yes please"), "TEXT"));
        assert_eq!(
            reply_cause(&[&a, &b], Utc::now()),
            "replied on TikTok Shop at 2026-12-01 00:00 UTC: “Yes please” (and 1 earlier message)"
        );
        let card = m(None, "PRODUCT_CARD");
        assert_eq!(
            reply_cause(&[&card], Utc::now()),
            "replied on TikTok Shop at 2026-12-01 00:00 UTC: a product card"
        );
    }
}
