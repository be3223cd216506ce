//! Messages Scout sends to creators through TikTok Shop, queued as TikTok actions (the outbox sends
//! them; `tiktok_actions::message` performs one): a text reply, the invitation's collaboration card (and
//! an optional text) to creators invited through TikTok Shop, and one follow-up to those who have not
//! answered after N days. Before anything is queued: never a creator on the do-not-contact list, never
//! more than 5 messages before they reply (counted from the workspace: TikTok documents no error for it),
//! and creators new to the shop only while the weekly outreach quota covers them. Idempotency keys make
//! the same message queued twice (two windows, a retry) one message.

use super::settings::MessageSettings;
use crate::{AppError, Result, Workspace};
use chrono::{Duration, Utc};
use scout_domain::{OfferTerms, Stage};
use scout_outreach::template::{render, MergeData, OfferTemplate};
use scout_store::{ActionKind, NewAction, SentInvitation};
use scout_tiktok::OutgoingMessage;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Messages TikTok Shop lets a shop send a creator before they reply.
pub const MAX_MESSAGES_BEFORE_REPLY: u32 = 5;

/// Why Scout sends a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum MessagePurpose {
    /// The invitation's collaboration card, or the text that goes with it.
    Invitation,
    /// A text the seller wrote.
    Reply,
    /// The one reminder to an invited creator who has not answered.
    FollowUp,
    /// The one post reminder TikTok Shop allows per sample, at least 5 days after delivery.
    SampleReminder,
}

/// A message action's payload: whom, what, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MessagePayload {
    pub creator_open_id: String,
    pub message: OutgoingMessage,
    pub purpose: MessagePurpose,
    #[ts(type = "number | null")]
    pub campaign_id: Option<i64>,
}

/// What queuing messages to a campaign's creators did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QueuedMessages {
    /// Message actions queued (or found queued already under the same key), in order.
    #[ts(type = "Array<number>")]
    pub action_ids: Vec<i64>,
    /// Creators who get them, by handle.
    pub creators: Vec<String>,
    /// Creators left out, each with why in plain words.
    pub skipped: Vec<String>,
}

/// A creator about to be messaged, as the checks need them.
struct Recipient {
    creator_id: i64,
    handle: String,
    open_id: String,
}

/// A short stable fingerprint of a text, for idempotency keys (FNV-1a 64: fixed by its definition, so
/// the same text gives the same key in every Scout version).
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.trim().as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn payload(
    r: &Recipient,
    message: OutgoingMessage,
    purpose: MessagePurpose,
    campaign: Option<i64>,
) -> String {
    let p = MessagePayload { creator_open_id: r.open_id.clone(), message, purpose, campaign_id: campaign };
    serde_json::to_string(&p).unwrap_or_default()
}

impl Workspace {
    async fn recipient(&self, creator_id: i64) -> Result<Recipient> {
        let detail = self.store.creator_detail(creator_id).await?;
        let handle = format!("@{}", detail.key.handle.as_str());
        let open_id = detail.profile.open_id.clone().filter(|o| !o.trim().is_empty()).ok_or_else(|| {
            AppError::InvalidInput(format!(
                "{handle} has no TikTok creator open id, so TikTok Shop cannot message them; nothing was queued"
            ))
        })?;
        Ok(Recipient { creator_id, handle, open_id })
    }

    /// Why `r` cannot get `more` messages now (do not contact, or 5 since their last reply); `None` when
    /// they can.
    async fn refusal(&self, r: &Recipient, more: u32) -> Result<Option<String>> {
        if let Some(reason) = self.store.suppression_reason(r.creator_id).await? {
            return Ok(Some(format!("{} is on the do-not-contact list ({reason})", r.handle)));
        }
        let sent = self.store.shop_messages_since_reply(r.creator_id).await?;
        let coming = self.store.messages_on_their_way(r.creator_id).await?;
        if sent + coming + more > MAX_MESSAGES_BEFORE_REPLY {
            return Ok(Some(format!(
                "{} has {} message{} from the shop since their last reply ({sent} sent, {coming} on their way); \
                 TikTok Shop allows {MAX_MESSAGES_BEFORE_REPLY} before they answer",
                r.handle,
                sent + coming,
                if sent + coming == 1 { "" } else { "s" }
            )));
        }
        Ok(None)
    }

    /// Refuses when the creators among `recipients` Scout has not talked with yet (no conversation, no
    /// invitation sent, nothing queued to them) are more than the weekly outreach quota has left. Before
    /// refusing, TikTok Shop's eligibility check is asked which of them are connected to the shop already
    /// (an earlier collaboration Scout never saw): those need none. A quota TikTok Shop cannot tell is no
    /// refusal: TikTok's own refusal (message quota) then guards the send.
    async fn check_quota(&self, recipients: &[&Recipient]) -> Result<()> {
        let mut new = Vec::new();
        for r in recipients {
            let talked = self.store.talked_with(r.creator_id).await?;
            if !talked && self.store.messages_on_their_way(r.creator_id).await? == 0 {
                new.push(r.open_id.clone());
            }
        }
        if new.is_empty() {
            return Ok(());
        }
        let (connection, client) = self.tiktok_client().await?;
        let refusal = self.quota_refusal(&client, &new).await;
        self.save_refreshed_tokens(&connection, &client).await?;
        match refusal? {
            Some(why) => Err(AppError::OutreachQuota(format!("{why}; nothing was queued"))),
            None => Ok(()),
        }
    }

    async fn quota_refusal(
        &self,
        client: &scout_tiktok::TiktokClient,
        new: &[String],
    ) -> Result<Option<String>> {
        let quota = match client.outreach_quota().await {
            Ok(q) => crate::TiktokQuota::from(&q),
            Err(e) if crate::tiktok::quota_unreadable(&e) => {
                tracing::warn!(error = %e, "outreach quota unreadable; TikTok Shop's refusal guards the send");
                return Ok(None);
            }
            Err(e) => return Err(crate::tiktok::tiktok_error(e)),
        };
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        if quota.refusal_for_new_creators(count(new.len())).is_none() {
            return Ok(None);
        }
        let mut connected = 0;
        for chunk in new.chunks(scout_tiktok::MAX_ELIGIBILITY_CREATORS) {
            match client.check_outreach_eligibility(chunk).await {
                Ok(e) => connected += e.creators.iter().filter(|c| c.connected == Some(true)).count(),
                // Only a refinement: without it the workspace's count stands.
                Err(e) => {
                    tracing::warn!(error = %e, "outreach eligibility unreadable");
                    break;
                }
            }
        }
        Ok(quota.refusal_for_new_creators(count(new.len() - connected)))
    }

    /// Queues a text from the seller to a creator; returns the action's id. The same text to the same
    /// creator since their last message is one message, however often it is queued.
    pub async fn queue_text_message(&self, creator_id: i64, text: &str) -> Result<i64> {
        let message = OutgoingMessage::Text { text: text.trim().to_string() };
        message.content().map_err(crate::tiktok::tiktok_error)?;
        let r = self.recipient(creator_id).await?;
        if let Some(why) = self.refusal(&r, 1).await? {
            return Err(AppError::InvalidInput(format!("{why}; nothing was queued")));
        }
        self.check_quota(&[&r]).await?;
        let replies = self.store.creator_message_count(creator_id).await?;
        let action = NewAction {
            idempotency_key: format!("message:text:{creator_id}:{replies}:{}", fingerprint(text)),
            kind: ActionKind::Message,
            creator_id: Some(creator_id),
            target: r.open_id.clone(),
            payload_json: payload(&r, message, MessagePurpose::Reply, None),
            contacts_creator: true,
        };
        let ids = self.store.queue_actions(&[action]).await?;
        ids.first().copied().ok_or_else(|| AppError::Internal("queuing a message returned no id".into()))
    }

    /// Queues the one post reminder TikTok Shop allows per sample, keyed by the request so it is queued
    /// once ever: `Ok(Some(id))` when queued now, `Ok(None)` when it was queued before, `Err(why)` in plain
    /// words when the creator cannot get it (do not contact, 5 messages since their last reply, no open
    /// id). A creator who asked the shop for a sample is connected to it, so no quota is checked.
    pub(crate) async fn queue_sample_reminder(
        &self,
        creator_id: i64,
        application_id: &str,
        text: &str,
    ) -> Result<std::result::Result<Option<i64>, String>> {
        let key = format!("sample-reminder:{application_id}");
        if self.store.action_key_used(&key).await? {
            return Ok(Ok(None));
        }
        let message = OutgoingMessage::Text { text: text.trim().to_string() };
        message.content().map_err(crate::tiktok::tiktok_error)?;
        let r = match self.recipient(creator_id).await {
            Ok(r) => r,
            Err(AppError::InvalidInput(why)) => return Ok(Err(why)),
            Err(e) => return Err(e),
        };
        if let Some(why) = self.refusal(&r, 1).await? {
            return Ok(Err(why));
        }
        let action = NewAction {
            idempotency_key: key,
            kind: ActionKind::Message,
            creator_id: Some(creator_id),
            target: r.open_id.clone(),
            payload_json: payload(&r, message, MessagePurpose::SampleReminder, None),
            contacts_creator: true,
        };
        Ok(Ok(self.store.queue_actions(&[action]).await?.first().copied()))
    }

    /// Queues the invitation message — the collaboration card, and `text` after it when given — to every
    /// creator of the campaign whose offer went out through TikTok Shop. Creators on the do-not-contact
    /// list or at 5 messages are left out and named; each invitation is queued once (keyed by its offer).
    pub async fn queue_invitation_messages(
        &self,
        campaign_id: i64,
        text: Option<&str>,
    ) -> Result<QueuedMessages> {
        self.store.campaign(campaign_id).await?;
        let text = text.map(str::trim).filter(|t| !t.is_empty());
        if let Some(t) = text {
            OutgoingMessage::Text { text: t.to_string() }.content().map_err(crate::tiktok::tiktok_error)?;
        }
        let per_creator = if text.is_some() { 2 } else { 1 };
        let invitations = self.store.tiktok_invitations(campaign_id).await?;
        if invitations.is_empty() {
            return Err(AppError::InvalidInput(format!(
                "campaign {campaign_id} has no offer sent through TikTok Shop yet: invitation messages carry \
                 the collaboration TikTok Shop made for the offer; nothing was queued"
            )));
        }
        let mut out = QueuedMessages::default();
        let mut chosen = Vec::new();
        for inv in &invitations {
            let r = Recipient {
                creator_id: inv.creator_id,
                handle: format!("@{}", inv.handle),
                open_id: inv.open_id.clone(),
            };
            let key = format!("message:invitation:{}", inv.offer_id);
            if self.store.action_key_live(&key).await? {
                out.skipped.push(format!("{}: the invitation message is already queued or sent", r.handle));
                continue;
            }
            match self.refusal(&r, per_creator).await? {
                Some(why) => out.skipped.push(why),
                None => chosen.push((inv, r)),
            }
        }
        let recipients: Vec<&Recipient> = chosen.iter().map(|(_, r)| r).collect();
        self.check_quota(&recipients).await?;
        let mut actions = Vec::new();
        for (inv, r) in &chosen {
            let card =
                OutgoingMessage::TargetCollaborationCard { collaboration_id: inv.collaboration_id.clone() };
            actions.push(NewAction {
                idempotency_key: format!("message:invitation:{}", inv.offer_id),
                kind: ActionKind::Message,
                creator_id: Some(r.creator_id),
                target: r.open_id.clone(),
                payload_json: payload(r, card, MessagePurpose::Invitation, Some(campaign_id)),
                contacts_creator: true,
            });
            if let Some(t) = text {
                actions.push(NewAction {
                    idempotency_key: format!("message:invitation-text:{}", inv.offer_id),
                    kind: ActionKind::Message,
                    creator_id: Some(r.creator_id),
                    target: r.open_id.clone(),
                    payload_json: payload(
                        r,
                        OutgoingMessage::Text { text: t.to_string() },
                        MessagePurpose::Invitation,
                        Some(campaign_id),
                    ),
                    contacts_creator: true,
                });
            }
            out.creators.push(r.handle.clone());
        }
        out.action_ids = self.store.queue_actions(&actions).await?;
        Ok(out)
    }

    /// The follow-ups due in the campaign: creators invited through TikTok Shop at least `after_days`
    /// (the setting, default 3) ago who are still "invited" (no reply), each with their rendered text —
    /// or why they get none. Nothing is queued.
    pub async fn plan_follow_ups(&self, campaign_id: i64, after_days: Option<u32>) -> Result<FollowUpPlan> {
        let settings = self.message_settings().await?;
        let days = after_days.unwrap_or(settings.follow_up_after_days);
        MessageSettings { follow_up_after_days: days, ..settings.clone() }.check()?;
        let campaign = self.store.campaign(campaign_id).await?;
        let seller = self.seller_profile().await?.ok_or_else(|| AppError::InvalidField {
            field: "seller.name".into(),
            message: "set your shop's name first (Settings)".into(),
        })?;
        let due_before = Utc::now() - Duration::days(i64::from(days));
        let mut plan = FollowUpPlan { after_days: days, ..Default::default() };
        let mut seen = std::collections::HashSet::new();
        for inv in self.store.tiktok_invitations(campaign_id).await? {
            if inv.sent_at > due_before || !seen.insert(inv.creator_id) {
                continue;
            }
            let handle = format!("@{}", inv.handle);
            if self.store.stage(campaign_id, inv.creator_id).await? != Some(Stage::Invited) {
                continue;
            }
            let key = follow_up_key(campaign_id, inv.creator_id);
            if self.store.action_key_live(&key).await? {
                plan.skipped.push(format!("{handle}: already followed up"));
                continue;
            }
            let r = Recipient {
                creator_id: inv.creator_id,
                handle: handle.clone(),
                open_id: inv.open_id.clone(),
            };
            if let Some(why) = self.refusal(&r, 1).await? {
                plan.skipped.push(why);
                continue;
            }
            match merge_data(&inv, &campaign.spec, &seller.name).and_then(|data| {
                let t = OfferTemplate { subject: String::new(), body: settings.follow_up_template.clone() };
                render(&t, &data).map(|m| m.body.trim().to_string()).map_err(|e| e.to_string())
            }) {
                Ok(text) => plan.due.push(PlannedFollowUp {
                    creator_id: inv.creator_id,
                    handle,
                    open_id: inv.open_id.clone(),
                    invited_at: inv.sent_at,
                    text,
                }),
                Err(why) => plan.skipped.push(format!("{handle}: {why}")),
            }
        }
        Ok(plan)
    }

    /// Queues the campaign's due follow-ups (see [`Workspace::plan_follow_ups`]): one per creator and
    /// campaign, ever — queuing again (another window, a retry) finds it queued.
    pub async fn queue_follow_ups(
        &self,
        campaign_id: i64,
        after_days: Option<u32>,
    ) -> Result<QueuedMessages> {
        let plan = self.plan_follow_ups(campaign_id, after_days).await?;
        let mut out = QueuedMessages { skipped: plan.skipped.clone(), ..Default::default() };
        let actions: Vec<NewAction> = plan
            .due
            .iter()
            .map(|f| {
                let r = Recipient {
                    creator_id: f.creator_id,
                    handle: f.handle.clone(),
                    open_id: f.open_id.clone(),
                };
                let message = OutgoingMessage::Text { text: f.text.clone() };
                NewAction {
                    idempotency_key: follow_up_key(campaign_id, f.creator_id),
                    kind: ActionKind::Message,
                    creator_id: Some(f.creator_id),
                    target: f.open_id.clone(),
                    payload_json: payload(&r, message, MessagePurpose::FollowUp, Some(campaign_id)),
                    contacts_creator: true,
                }
            })
            .collect();
        out.creators = plan.due.iter().map(|f| f.handle.clone()).collect();
        if !actions.is_empty() {
            out.action_ids = self.store.queue_actions(&actions).await?;
        }
        Ok(out)
    }
}

fn follow_up_key(campaign_id: i64, creator_id: i64) -> String {
    format!("message:follow-up:{campaign_id}:{creator_id}")
}

/// The merge fields a follow-up may use, from the offer it follows.
fn merge_data(
    inv: &SentInvitation,
    spec: &scout_domain::CampaignSpec,
    seller: &str,
) -> std::result::Result<MergeData, String> {
    let terms: OfferTerms = serde_json::from_str(&inv.terms_json)
        .map_err(|e| format!("the terms offer {} was sent with are unreadable: {e}", inv.offer_id))?;
    Ok(MergeData {
        creator_handle: inv.handle.clone(),
        creator_name: inv.display_name.clone(),
        product_name: spec.product.name.clone(),
        product_price: spec.product.price.to_string(),
        commission: terms.commission.short_percent(),
        free_sample: terms.free_sample.is_some(),
        flat_fee: terms.flat_fee.as_ref().map(ToString::to_string),
        deadline: terms.deadline.map(|d| d.format("%-d %b %Y").to_string()),
        seller_name: seller.to_string(),
        campaign_name: spec.name.clone(),
    })
}

/// One follow-up as it would be queued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedFollowUp {
    #[ts(type = "number")]
    pub creator_id: i64,
    pub handle: String,
    pub open_id: String,
    pub invited_at: chrono::DateTime<Utc>,
    pub text: String,
}

/// The follow-ups due in a campaign, and who gets none and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpPlan {
    pub after_days: u32,
    pub due: Vec<PlannedFollowUp>,
    pub skipped: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_texts_fingerprint_is_fixed_and_ignores_surrounding_space() {
        assert_eq!(fingerprint("hello"), "a430d84680aabd0b", "FNV-1a 64 of 'hello'");
        assert_eq!(fingerprint(" hello\n"), fingerprint("hello"));
        assert_ne!(fingerprint("hello"), fingerprint("hello!"));
    }
}
