//! `scout samples sync` and `scout samples list`: sample requests from TikTok Shop, synced and read back.

use crate::cli_samples::SamplesCommand;
use crate::output::{clip, compact, money, percent, print_json};
use scout_app::{parse_sample_status, AppError, SampleRequest, Workspace};

fn print_rows(rows: &[SampleRequest]) {
    println!(
        "{:<20} {:<18} {:<20} {:<24} {:<17} {:>8} {:>12} {:>8}  approvable",
        "application", "status", "creator", "product", "decide by (UTC)", "90d ful.", "GMV (30 d)", "views"
    );
    for r in rows {
        println!(
            "{:<20} {:<18} {:<20} {:<24} {:<17} {:>8} {:>12} {:>8}  {}",
            clip(&r.application_id, 20),
            clip(&r.status.to_ascii_lowercase(), 18),
            clip(r.creator_username.as_deref().unwrap_or(&r.creator_open_id), 20),
            clip(r.product_name.as_deref().unwrap_or(&r.product_id), 24),
            r.approve_by.map_or_else(|| "—".into(), |t| t.format("%Y-%m-%d %H:%M").to_string()),
            percent(r.fulfilment_90d),
            money(r.gmv_30d.as_ref()),
            compact(r.median_video_views),
            if r.approvable { "yes" } else { "no" }
        );
    }
}

pub async fn run(ws: &Workspace, cmd: &SamplesCommand) -> Result<u8, AppError> {
    match cmd {
        SamplesCommand::Sync { json } => {
            let synced = ws.sync_samples_and_apply_rule().await?;
            let r = &synced.sync;
            if *json {
                print_json(&synced)?;
            } else {
                let per: Vec<String> = r
                    .by_status
                    .iter()
                    .map(|c| format!("{} {}", c.status.as_wire().to_ascii_lowercase(), c.fetched))
                    .collect();
                println!(
                    "read {} sample requests ({}): {} new, {} updated, {} unchanged",
                    r.fetched,
                    per.join(", "),
                    r.new,
                    r.updated,
                    r.unchanged
                );
                for e in r.errors.iter().chain(&r.unreadable) {
                    eprintln!("  {e}");
                }
                let f = &synced.follow;
                if f.shipments_recorded + f.posts_recorded + f.reminders_queued > 0 {
                    println!(
                        "onto campaigns' pipelines: {} shipments, {} posts; {} post reminders queued",
                        f.shipments_recorded, f.posts_recorded, f.reminders_queued
                    );
                }
                for held in &f.reminders_held {
                    eprintln!("  reminder held: {held}");
                }
                for problem in &f.problems {
                    eprintln!("  not followed: {problem}");
                }
                if let Some(rule) = &synced.rule {
                    println!(
                        "the rule approved {}, rejected {} and left {} to you; `scout outbox run` sends the reviews",
                        rule.approved, rule.rejected, rule.left
                    );
                }
                let h = &r.history;
                println!(
                    "history: {} ended requests read ({} new, {} updated), {} requests' content searched, {} new posts",
                    h.fetched, h.new, h.updated, h.contents_checked, h.contents_new
                );
                for e in &h.ended {
                    println!("  {} ended: {}", e.application_id, e.status.as_wire().to_ascii_lowercase());
                }
                if !r.no_longer_listed.is_empty() {
                    eprintln!(
                        "  {} stored request(s) no longer listed under these statuses (ended on TikTok Shop): {}",
                        r.no_longer_listed.len(),
                        r.no_longer_listed.join(", ")
                    );
                }
            }
            // Some of the shop's requests could not be read: the exit code says so.
            Ok(if r.errors.is_empty() && r.unreadable.is_empty() { 0 } else { 1 })
        }
        SamplesCommand::List { status, limit, offset, json } => {
            let status = status.as_deref().map(parse_sample_status).transpose()?;
            let page = ws.list_sample_requests(status, *limit, *offset).await?;
            if *json {
                return print_json(&page).map(|_| 0);
            }
            print_rows(&page.rows);
            eprintln!("{} of {} request(s) from {}", page.rows.len(), page.total, offset);
            Ok(0)
        }
        SamplesCommand::Approve { ids, note, json } => {
            crate::samples_decide::decide(ws, ids, None, note.as_deref(), *json).await
        }
        SamplesCommand::Reject { ids, reason, note, json } => {
            crate::samples_decide::decide(ws, ids, Some(*reason), note.as_deref(), *json).await
        }
        SamplesCommand::Decisions { id, json } => crate::samples_decide::decisions(ws, id, *json).await,
        SamplesCommand::Learning(cmd) => crate::cli_samples_model::run(ws, cmd).await,
    }
}
