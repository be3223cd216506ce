//! Messages to creators as TikTok actions (`tiktok_actions` rows of kind `message`, decision 0026): the
//! invitations sent through TikTok Shop they follow, how many are still on their way to a creator (for
//! the "5 messages before a reply" rule), and a landed message stored in its conversation in the same
//! transaction that settles its action — so a stop never leaves one without the other.

use crate::conversations::save_in;
use crate::tiktok_actions::{action_from_row, settle_in, ACTION_COLUMNS};
use crate::{Action, ActionState, IncomingConversation, IncomingMessage, Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

/// An offer sent to a creator as a TikTok Shop target collaboration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentInvitation {
    pub offer_id: i64,
    pub campaign_id: i64,
    pub creator_id: i64,
    pub handle: String,
    pub display_name: Option<String>,
    /// The creator's open id the collaboration went to.
    pub open_id: String,
    /// TikTok's target collaboration id.
    pub collaboration_id: String,
    /// The `OfferTerms` JSON the offer was sent with.
    pub terms_json: String,
    pub sent_at: DateTime<Utc>,
}

/// The states of a message still on its way: it counts against the 5 before a reply.
const ON_ITS_WAY: &str =
    "(state IN ('queued', 'sending', 'needs_check') OR (state = 'failed' AND retryable = 1))";

impl Store {
    /// The campaign's offers sent through TikTok Shop (with the collaboration id TikTok gave), oldest first.
    pub async fn tiktok_invitations(&self, campaign_id: i64) -> Result<Vec<SentInvitation>> {
        let rows = sqlx::query(
            "SELECT o.id, o.campaign_id, o.creator_id, cr.handle, cr.display_name, o.recipient, o.external_id, \
             o.terms, o.sent_at FROM offers o JOIN creators cr ON cr.id = o.creator_id \
             WHERE o.campaign_id = ? AND o.channel = 'tiktok' AND o.state = 'sent' \
             AND o.external_id IS NOT NULL AND o.recipient IS NOT NULL AND o.sent_at IS NOT NULL ORDER BY o.id",
        )
        .bind(campaign_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SentInvitation {
                    offer_id: r.try_get("id")?,
                    campaign_id: r.try_get("campaign_id")?,
                    creator_id: r.try_get("creator_id")?,
                    handle: r.try_get("handle")?,
                    display_name: r.try_get("display_name")?,
                    open_id: r.try_get("recipient")?,
                    collaboration_id: r.try_get("external_id")?,
                    terms_json: r.try_get("terms")?,
                    sent_at: r.try_get("sent_at")?,
                })
            })
            .collect()
    }

    /// Messages to the creator queued, being sent, waiting for a check or to be retried.
    pub async fn messages_on_their_way(&self, creator_id: i64) -> Result<u32> {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM tiktok_actions WHERE kind = 'message' AND creator_id = ? AND {ON_ITS_WAY}"
        ))
        .bind(creator_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n.max(0) as u32)
    }

    /// Why the creator is on the do-not-contact list; `None` when they are not.
    pub async fn suppression_reason(&self, creator_id: i64) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT reason FROM suppressions WHERE creator_id = ?")
            .bind(creator_id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Message actions to the creator, newest first, at most `limit` (what was queued, sent or refused
    /// and why).
    pub async fn message_actions_to(&self, creator_id: i64, limit: u32) -> Result<Vec<Action>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACTION_COLUMNS} FROM tiktok_actions WHERE kind = 'message' AND creator_id = ? \
             ORDER BY id DESC LIMIT ?"
        ))
        .bind(creator_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(action_from_row).collect()
    }

    /// A message action landed (`from` = `sending` after a send, `needs_check` after a check found it):
    /// the message is stored in its conversation and the action is done, in one transaction.
    pub async fn settle_message(
        &self,
        action_id: i64,
        from: ActionState,
        conversation: &IncomingConversation,
        message: &IncomingMessage,
        result_json: &str,
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        save_in(&mut tx, conversation, std::slice::from_ref(message), Utc::now()).await?;
        let set = "state = 'done', done_at = ?1, result = ?2, last_error = NULL";
        settle_in(&mut tx, action_id, from.as_str(), set, Some(result_json), None).await?;
        tx.commit().await?;
        Ok(())
    }
}
