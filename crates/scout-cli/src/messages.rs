//! `scout messages …`: sync, inbox, show, send, invite, follow-up, read — conversations with creators
//! through TikTok Shop, every outgoing message through the outbox.

use crate::cli_messages::MessagesCommand;
use crate::output::{clip, print_json};
use scout_app::{
    AppError, CancelToken, ConversationView, OfferChannel, OutboxRun, QueuedMessages, Workspace,
};

fn when(t: Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map_or_else(|| "—".into(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

fn print_conversation(v: &ConversationView) {
    match &v.conversation {
        Some(c) => println!(
            "conversation {} with {} — {} unread",
            c.conversation_id,
            c.handle
                .as_deref()
                .map(|h| format!("@{h}"))
                .or(c.username.as_ref().map(|u| format!("@{u} (not in the workspace)")))
                .unwrap_or_else(|| "an unknown creator".into()),
            c.unread
        ),
        None => println!("no conversation yet"),
    }
    for m in &v.messages {
        let who = if m.from_creator { "creator" } else { "shop" };
        let what =
            m.text.clone().unwrap_or_else(|| format!("[{}] {}", m.kind.to_ascii_lowercase(), m.content));
        println!("  {} {:<7} {}", when(m.sent_at), who, what);
    }
    println!(
        "{} message(s) from the shop since their last reply, {} on their way (TikTok Shop allows {} before a reply)",
        v.sent_since_reply,
        v.on_their_way,
        scout_app::MAX_MESSAGES_BEFORE_REPLY
    );
    for o in &v.outgoing {
        let state = serde_json::to_value(o.state)
            .ok()
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default();
        match &o.problem {
            Some(p) => println!(
                "  queued {} {:<11} {} — {}",
                when(Some(o.queued_at)),
                state,
                clip(&o.summary, 60),
                p
            ),
            None => println!("  queued {} {:<11} {}", when(Some(o.queued_at)), state, clip(&o.summary, 60)),
        }
    }
}

/// Runs the outbox for TikTok Shop (unless only queuing) and says what became of each queued message;
/// exit code 1 when one failed.
async fn deliver(ws: &Workspace, ids: &[i64], queue_only: bool) -> Result<u8, AppError> {
    if !queue_only && !ids.is_empty() {
        let report = ws.run_outbox(&OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default()).await?;
        for p in &report.problems {
            eprintln!("  {}", p.message);
        }
        for n in &report.notes {
            eprintln!("  {n}");
        }
    }
    let mut failed = false;
    for id in ids {
        let o = ws.message_action(*id).await?;
        let state = serde_json::to_value(o.state)
            .ok()
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default();
        failed |= o.state == scout_app::ActionState::Failed;
        match &o.problem {
            Some(p) => println!("message {id} ({}): {state} — {p}", clip(&o.summary, 40)),
            None => println!("message {id} ({}): {state}", clip(&o.summary, 40)),
        }
    }
    Ok(u8::from(failed))
}

fn print_queued(q: &QueuedMessages) {
    println!("{} message(s) queued for {} creator(s)", q.action_ids.len(), q.creators.len());
    for s in &q.skipped {
        eprintln!("  left out: {s}");
    }
}

pub async fn run(ws: &Workspace, cmd: &MessagesCommand) -> Result<u8, AppError> {
    match cmd {
        MessagesCommand::Sync { json } => {
            let r = ws.sync_conversations().await?;
            if *json {
                print_json(&r)?;
            } else {
                println!(
                    "read {} conversation(s): {} new message(s), {} from creators; {} move(s) to replied",
                    r.conversations, r.new_messages, r.replies, r.moved_to_replied
                );
                for u in &r.unlinked {
                    eprintln!("  not in the workspace: {u}");
                }
                for e in &r.errors {
                    eprintln!("  {e}");
                }
            }
            Ok(u8::from(!r.errors.is_empty()))
        }
        MessagesCommand::Inbox { limit, json } => {
            let inbox = ws.inbox(*limit).await?;
            let quota = ws.outreach_quota().await;
            if *json {
                let quota = quota.ok();
                return print_json(&serde_json::json!({ "conversations": inbox, "quota": quota })).map(|_| 0);
            }
            println!(
                "{:<22} {:<22} {:>6}  {:<16}  last message",
                "conversation", "creator", "unread", "at (UTC)"
            );
            for c in &inbox {
                let who = c
                    .handle
                    .as_deref()
                    .map(|h| format!("@{h}"))
                    .or(c.username.as_ref().map(|u| format!("@{u}?")))
                    .unwrap_or_else(|| "—".into());
                let from = match c.last_from_creator {
                    Some(true) => "them: ",
                    Some(false) => "you: ",
                    None => "",
                };
                println!(
                    "{:<22} {:<22} {:>6}  {:<16}  {from}{}",
                    clip(&c.conversation_id, 22),
                    clip(&who, 22),
                    c.unread,
                    when(c.last_message_at),
                    clip(c.last_text.as_deref().unwrap_or(""), 50)
                );
            }
            let unread: u64 = inbox.iter().map(|c| c.unread).sum();
            eprintln!(
                "{} conversation(s), {unread} unread message(s) (`scout messages sync` reads new ones)",
                inbox.len()
            );
            match quota {
                Ok(q) => eprintln!("outreach quota: {}", q.describe()),
                Err(e) => eprintln!("outreach quota: not known ({e})"),
            }
            Ok(0)
        }
        MessagesCommand::Show { who, json } => {
            let view = match ws.conversation(who).await {
                Ok(v) => v,
                Err(AppError::NotFound(_)) => {
                    ws.creator_conversation(ws.find_tiktok_creator(who).await?).await?
                }
                Err(e) => return Err(e),
            };
            if *json {
                return print_json(&view).map(|_| 0);
            }
            print_conversation(&view);
            Ok(0)
        }
        MessagesCommand::Send { creator, text, queue_only } => {
            let id = ws.queue_text_message(ws.find_tiktok_creator(creator).await?, text).await?;
            deliver(ws, &[id], *queue_only).await
        }
        MessagesCommand::Invite { campaign, text, queue_only } => {
            let campaign = crate::campaigns::campaign(ws, campaign).await?.id;
            let q = ws.queue_invitation_messages(campaign, text.as_deref()).await?;
            print_queued(&q);
            deliver(ws, &q.action_ids, *queue_only).await
        }
        MessagesCommand::FollowUp { campaign, after_days, dry_run, queue_only } => {
            let campaign = crate::campaigns::campaign(ws, campaign).await?.id;
            if *dry_run {
                let plan = ws.plan_follow_ups(campaign, *after_days).await?;
                println!(
                    "{} follow-up(s) due ({} days after the invitation); nothing was queued",
                    plan.due.len(),
                    plan.after_days
                );
                for f in &plan.due {
                    println!("  {} (invited {}): {}", f.handle, when(Some(f.invited_at)), f.text);
                }
                for s in &plan.skipped {
                    eprintln!("  left out: {s}");
                }
                return Ok(0);
            }
            let q = ws.queue_follow_ups(campaign, *after_days).await?;
            print_queued(&q);
            deliver(ws, &q.action_ids, *queue_only).await
        }
        MessagesCommand::Read { conversation } => {
            ws.mark_conversation_read(conversation).await?;
            println!("conversation {} marked read on TikTok Shop", conversation.trim());
            Ok(0)
        }
    }
}
