//! `scout settings`, `scout offers`, `scout outbox`, `scout pipeline`.

use crate::cli_outreach::{
    ChannelArg, OfferArgs, OffersCommand, OutboxChannelArg, OutboxCommand, PipelineCommand, SecurityArg,
    SettingsCommand,
};
use crate::output::{clip, print_json};
use scout_app::{
    default_template, AppError, EmailSettings, OfferChannel, OfferDraft, OfferTemplate, OutboxRun,
    PreviewedMessage, SellerProfile, SmtpAccount, SmtpSecurity, Workspace,
};
use scout_domain::{BasisPoints, ContentType, FreeSample, OfferTerms, Stage};

pub async fn settings(ws: &Workspace, cmd: &SettingsCommand) -> Result<u8, AppError> {
    match cmd {
        SettingsCommand::Seller { name } => {
            ws.set_seller_profile(&SellerProfile { name: name.clone() }).await?
        }
        SettingsCommand::Email {
            host,
            port,
            security,
            username,
            from_name,
            from_address,
            postal_address,
            unsubscribe_mailto,
            unsubscribe_url,
            interval_ms,
            daily_cap,
            password_stdin,
        } => {
            let account = SmtpAccount {
                host: host.clone(),
                port: *port,
                security: match security {
                    SecurityArg::ImplicitTls => SmtpSecurity::ImplicitTls,
                    SecurityArg::Starttls => SmtpSecurity::StartTls,
                    SecurityArg::PlainLocal => SmtpSecurity::PlainLocal,
                },
                username: username.clone(),
                from_name: from_name.clone(),
                from_address: from_address.clone(),
                postal_address: postal_address.clone(),
                unsubscribe_mailto: unsubscribe_mailto.clone(),
                unsubscribe_url: unsubscribe_url.clone(),
            };
            let settings = EmailSettings { account, interval_ms: *interval_ms, daily_cap: *daily_cap };
            let password = if *password_stdin { Some(read_password()?) } else { None };
            let saving_password = password.is_some();
            ws.save_email_account(&settings, password).await?;
            if saving_password {
                eprintln!("the password is saved in the system keychain");
            }
        }
    }
    println!("saved");
    Ok(0)
}

async fn draft(ws: &Workspace, args: &OfferArgs) -> Result<OfferDraft, AppError> {
    let campaign = crate::campaigns::campaign(ws, &args.campaign).await?;
    let creator_ids = if args.creators.is_empty() {
        ws.shortlist(campaign.id).await?.into_iter().map(|s| s.creator.id).collect()
    } else {
        let mut ids = Vec::new();
        for c in &args.creators {
            ids.push(crate::creators::resolve(ws, c, "tiktok").await?);
        }
        ids
    };
    let template = match &args.template {
        None => default_template(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| AppError::Io {
                action: "read",
                path: path.clone(),
                source,
            })?;
            serde_json::from_str::<OfferTemplate>(&text)
                .map_err(|e| AppError::InvalidInput(format!("{}: not a template: {e}", path.display())))?
        }
    };
    let valid_until = args.valid_until.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc();
    Ok(OfferDraft {
        campaign_id: campaign.id,
        creator_ids,
        channel: match args.channel {
            ChannelArg::Email => OfferChannel::Email,
            ChannelArg::Tiktok => OfferChannel::Tiktok,
            ChannelArg::Manual => OfferChannel::Manual,
        },
        terms: OfferTerms {
            commission: BasisPoints((args.commission * 100.0).round().max(0.0) as u32),
            free_sample: args.free_sample.then_some(FreeSample { approval_exempt: false }),
            flat_fee: None,
            content_type: ContentType::Video,
            deadline: None,
            valid_until,
        },
        template,
    })
}

pub async fn offers(ws: &Workspace, cmd: &OffersCommand) -> Result<u8, AppError> {
    match cmd {
        OffersCommand::Preview(args) => {
            let previews = ws.preview_offers(&draft(ws, args).await?).await?;
            for p in &previews {
                println!("── {} → {}", p.creator.handle, p.recipient.as_deref().unwrap_or("—"));
                match &p.message {
                    PreviewedMessage::Ready(m) => println!("Subject: {}\n\n{}\n", m.subject, m.body),
                    PreviewedMessage::Blocked(problem) => println!("CANNOT SEND: {problem}\n"),
                }
            }
            let bad = previews.iter().filter(|p| p.message.problem().is_some()).count();
            println!("{} messages, {bad} cannot be sent", previews.len());
            Ok(if bad > 0 { 1 } else { 0 })
        }
        OffersCommand::Queue(args) => {
            let ids = ws.queue_offers(&draft(ws, args).await?).await?;
            println!("queued {} offers; deliver them with `scout outbox run`", ids.len());
            Ok(0)
        }
        OffersCommand::List { campaign, json } => {
            let campaign = crate::campaigns::campaign(ws, campaign).await?;
            let offers = ws.offers(campaign.id).await?;
            if *json {
                return print_json(&offers).map(|_| 0);
            }
            for o in &offers {
                println!(
                    "{:>5}  {:<12} {:<8} {:<28} {}",
                    o.id,
                    format!("{:?}", o.state),
                    format!("{:?}", o.channel),
                    clip(o.recipient.as_deref().unwrap_or("—"), 28),
                    o.last_error.as_deref().unwrap_or("")
                );
            }
            Ok(0)
        }
    }
}

pub async fn outbox(ws: &Workspace, cmd: &OutboxCommand) -> Result<u8, AppError> {
    match cmd {
        OutboxCommand::Recover => {
            let n = ws.recover_interrupted_offers().await?;
            println!("{n} interrupted offers now wait for you to check whether they arrived");
            Ok(0)
        }
        OutboxCommand::Run { channel, password_stdin } => {
            let channel = channel.map(|c| match c {
                OutboxChannelArg::Email => OfferChannel::Email,
                OutboxChannelArg::Tiktok => OfferChannel::Tiktok,
            });
            if *password_stdin && channel != Some(OfferChannel::Email) {
                return Err(AppError::InvalidInput(
                    "--password-stdin is for the e-mail channel (`--channel email`); TikTok Shop uses the \
                     connection saved with `scout tiktok connect`"
                        .into(),
                ));
            }
            let email_password = if *password_stdin { Some(read_password()?) } else { None };
            let run = OutboxRun { channel, email_password };
            let r = ws.run_outbox(&run, &scout_app::CancelToken::default()).await?;
            let capped = match channel {
                Some(OfferChannel::Email) => " (daily cap reached)",
                Some(OfferChannel::Tiktok) => " (outreach quota used up)",
                _ => " (a daily cap or the outreach quota reached)",
            };
            println!(
                "sent {}, failed {}, will retry {}, need checking {}{}",
                r.sent,
                r.failed,
                r.retrying,
                r.needs_check,
                if r.capped { capped } else { "" }
            );
            let a = &r.actions;
            if *a != scout_app::ActionsReport::default() {
                println!(
                    "TikTok Shop reviews and messages: done {}, failed {}, will retry {}; interrupted ones \
                     checked: {} had landed, {} queued again, {} still to check",
                    a.done, a.failed, a.retrying, a.checked_landed, a.checked_requeued, a.needs_check
                );
            }
            for note in &r.notes {
                println!("note: {note}");
            }
            for p in &r.problems {
                let when = p.retry_at.map(|t| format!(" (tries again from {})", t.format("%H:%M UTC")));
                eprintln!("{:?} stopped: {}{}", p.channel, p.message, when.unwrap_or_default());
            }
            Ok(if r.problems.is_empty() { 0 } else { 1 })
        }
    }
}

pub async fn pipeline(ws: &Workspace, cmd: &PipelineCommand) -> Result<u8, AppError> {
    match cmd {
        PipelineCommand::List { campaign, json } => {
            let campaign = crate::campaigns::campaign(ws, campaign).await?;
            let list = ws.shortlist(campaign.id).await?;
            if *json {
                let rows: Vec<_> = list
                    .iter()
                    .map(|s| serde_json::json!({ "handle": s.creator.handle, "stage": s.entry.stage }))
                    .collect();
                return print_json(&rows).map(|_| 0);
            }
            for s in &list {
                println!("{:<16} {}", s.entry.stage.label(), s.creator.handle);
            }
            Ok(0)
        }
        PipelineCommand::Move { campaign, creator, stage, cause } => {
            let campaign = crate::campaigns::campaign(ws, campaign).await?;
            let creator = crate::creators::resolve(ws, creator, "tiktok").await?;
            let stage: Stage = serde_json::from_value(serde_json::Value::String(stage.clone()))
                .map_err(|_| AppError::InvalidInput(format!("'{stage}' is not a pipeline stage")))?;
            let now = ws.move_stage(campaign.id, creator, stage, cause).await?;
            println!("now {}", now.label());
            Ok(0)
        }
        PipelineCommand::Timeline { creator, json } => {
            let id = crate::creators::resolve(ws, creator, "tiktok").await?;
            let events = ws.timeline(id).await?;
            if *json {
                return print_json(&events).map(|_| 0);
            }
            for e in &events {
                let from = e.from.map_or("—", |f| f.label());
                println!(
                    "{}  campaign {:>3}  {from} → {}  ({})",
                    e.at.format("%Y-%m-%d %H:%M"),
                    e.campaign_id,
                    e.to.label(),
                    e.cause
                );
            }
            Ok(0)
        }
    }
}

/// One line from standard input, without its line ending.
pub(crate) fn read_password() -> Result<scout_secrets::Secret, AppError> {
    let mut password = String::new();
    std::io::stdin().read_line(&mut password).map_err(|source| AppError::Io {
        action: "read the password from",
        path: "stdin".into(),
        source,
    })?;
    Ok(scout_secrets::Secret::new(password.trim_end_matches(['\r', '\n'])))
}
