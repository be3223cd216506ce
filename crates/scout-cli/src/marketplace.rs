//! `scout tiktok creators`: search the creator marketplace (a page, or every creator with `--all`), a
//! creator's performance, today's search budget.

use crate::cli_marketplace::MarketplaceCommand;
use crate::output::{clip, compact, print_json};
use scout_app::{AppError, Workspace};
use scout_app::{ExactOrRange, MarketplaceCreator};
use std::io::Write as _;

fn gmv(c: &MarketplaceCreator) -> String {
    match &c.gmv {
        Some(ExactOrRange::Exact(m)) => m.to_string(),
        Some(ExactOrRange::Range(r)) => match &r.max {
            Some(max) => format!("{}–{}", r.min, max),
            None => format!("{}+", r.min),
        },
        None => "—".into(),
    }
}

fn print_rows(creators: &[MarketplaceCreator]) {
    let header = ["open id", "username", "followers", "avg views", "GMV (30 d)", "region"];
    println!(
        "{:<14} {:<24} {:>10} {:>10}  {:<22} {}",
        header[0], header[1], header[2], header[3], header[4], header[5]
    );
    for c in creators {
        println!(
            "{:<14} {:<24} {:>10} {:>10}  {:<22} {}",
            clip(&c.open_id, 14),
            clip(&c.username, 24),
            compact(c.followers),
            compact(c.avg_video_views),
            gmv(c),
            c.region.as_deref().unwrap_or("—")
        );
    }
}

/// Adds creators to the workspace and says what the import did (on standard error, so `--json` output
/// stays the creators).
async fn add_to_workspace(ws: &Workspace, creators: &[MarketplaceCreator]) -> Result<(), AppError> {
    let r = ws.add_marketplace_creators(creators).await?;
    let c = r.counts;
    eprintln!(
        "added to the workspace as import {}: {} created, {} updated, {} unchanged, {} rejected, {} notes",
        r.import_id.unwrap_or_default(),
        c.created,
        c.updated,
        c.unchanged,
        c.rejected,
        r.issues.len()
    );
    Ok(())
}

pub async fn run(ws: &Workspace, cmd: &MarketplaceCommand, quiet: bool) -> Result<u8, AppError> {
    match cmd {
        MarketplaceCommand::Search { filter, all, pages, add, json } => {
            let filter = filter.filter();
            if *all {
                let budget = ws.marketplace_budget().await?;
                if !quiet {
                    eprintln!(
                        "collecting; {} of today's {} marketplace searches left",
                        budget.left,
                        budget.used + budget.left
                    );
                }
                let collected = ws
                    .collect_marketplace(
                        &filter,
                        |p| {
                            if !quiet {
                                eprint!("\r{} requests, {} creators found", p.requests, p.creators);
                                let _ = std::io::stderr().flush();
                            }
                        },
                        || false,
                    )
                    .await?;
                if !quiet {
                    eprintln!();
                }
                if *json {
                    print_json(&collected.creators)?;
                } else {
                    print_rows(&collected.creators);
                }
                eprintln!(
                    "{} creators in {} requests ({} splits){}",
                    collected.creators.len(),
                    collected.requests,
                    collected.splits,
                    if collected.unreadable.is_empty() {
                        String::new()
                    } else {
                        format!(
                            "; {} rows unreadable: {}",
                            collected.unreadable.len(),
                            collected.unreadable.join("; ")
                        )
                    }
                );
                for part in &collected.incomplete {
                    eprintln!("a part still reaches the ceiling and cannot be split: {part:?}");
                }
                if *add {
                    // What was found is added even when the collection stopped early.
                    add_to_workspace(ws, &collected.creators).await?;
                }
                if let Some(stop) = &collected.stopped {
                    eprintln!("stopped early: {stop}");
                    return Ok(3);
                }
                return Ok(if collected.incomplete.is_empty() { 0 } else { 3 });
            }
            let mut creators = Vec::new();
            let mut cursor = None;
            for _ in 0..(*pages).max(1) {
                let page = ws.search_marketplace(&filter, cursor.as_ref()).await?;
                for why in &page.unreadable {
                    eprintln!("unreadable row: {why}");
                }
                creators.extend(page.creators);
                cursor = page.next;
                if cursor.is_none() {
                    break;
                }
            }
            if *json {
                print_json(&creators)?;
            } else {
                print_rows(&creators);
                if cursor.is_some() && !quiet {
                    eprintln!("more on the next pages: --pages N, or --all for every match");
                }
            }
            if *add {
                add_to_workspace(ws, &creators).await?;
            }
            Ok(0)
        }
        MarketplaceCommand::Show { open_id, json } => {
            let p = ws.marketplace_creator(open_id).await?;
            if *json {
                return print_json(&p).map(|_| 0);
            }
            println!("@{} ({}) · {} followers", p.username, p.open_id, compact(p.followers));
            let shares = |s: &[scout_app::Share]| {
                s.iter().map(|x| format!("{} {}", x.key, x.share)).collect::<Vec<_>>().join(", ")
            };
            println!("followers by age: {}", shares(&p.follower_ages));
            println!("followers by gender: {}", shares(&p.follower_genders));
            println!("followers by country: {}", shares(&p.follower_countries));
            println!(
                "post rate: {} · sample score: {} · 90-day fulfilment: {}",
                p.post_rate.as_deref().unwrap_or("—"),
                p.sample_score.map(|s| format!("{s}/100")).unwrap_or_else(|| "—".into()),
                p.fulfilment_90_days.map(|s| s.to_string()).unwrap_or_else(|| "—".into())
            );
            Ok(0)
        }
        MarketplaceCommand::Enrich { stale: true, json, .. } => {
            match ws.refresh_stale_profiles(&scout_app::CancelToken::default()).await? {
                None if *json => print_json(&scout_app::EnrichReport::default())?,
                None => println!(
                    "no profile is older than {} days: nothing to refresh",
                    scout_app::PROFILE_MAX_AGE_DAYS
                ),
                Some(r) => return enriched(&r, *json, quiet),
            }
            Ok(0)
        }
        MarketplaceCommand::Enrich { open_ids, all, campaign, top, json, .. } => {
            let ids = match (campaign, all) {
                (Some(name), _) => {
                    let campaign = ws.find_campaign(name).await?;
                    let query =
                        scout_app::RankQuery { limit: top.unwrap_or(50).clamp(1, 500), ..Default::default() };
                    let page = ws.rank_matches(campaign.id, &query).await?;
                    let creators: Vec<i64> = page.rows.iter().map(|r| r.creator.id).collect();
                    ws.open_ids_of(&creators).await?
                }
                (None, true) => ws.creator_open_ids().await?,
                (None, false) => open_ids.clone(),
            };
            if ids.is_empty() {
                return Err(AppError::InvalidInput(
                    "no open id to enrich: give open ids, --all for every TikTok creator with one, or --campaign NAME --top N (creators from files have no open id until a marketplace search finds them)".into(),
                ));
            }
            let r = ws
                .enrich_creators(
                    &ids,
                    |done, total| {
                        if !quiet {
                            eprint!("\r{done} of {total} profiles");
                            let _ = std::io::stderr().flush();
                        }
                    },
                    &scout_app::CancelToken::default(),
                )
                .await?;
            enriched(&r, *json, quiet)
        }
        MarketplaceCommand::Budget { json } => {
            let b = ws.marketplace_budget().await?;
            if *json {
                return print_json(&b).map(|_| 0);
            }
            println!("{} of today's marketplace searches used, {} left ({} UTC)", b.used, b.left, b.day);
            Ok(0)
        }
    }
}

/// Prints what an enrichment did; exit code 3 when it stopped early or some profiles failed.
fn enriched(r: &scout_app::EnrichReport, json: bool, quiet: bool) -> Result<u8, AppError> {
    if !quiet {
        eprintln!();
    }
    if json {
        print_json(r)?;
    } else {
        println!(
            "{} profiles fetched ({} already fetched today): {} updated, {} unchanged, {} created, {} rejected",
            r.fetched, r.skipped_fresh, r.counts.updated, r.counts.unchanged, r.counts.created, r.counts.rejected
        );
        for (id, why) in &r.failed {
            println!("{id}: {why}");
        }
    }
    if let Some(why) = &r.stopped {
        eprintln!("stopped early: {why}");
        return Ok(3);
    }
    Ok(if r.failed.is_empty() { 0 } else { 3 })
}
