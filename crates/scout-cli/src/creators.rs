use crate::cli::{CreatorsCommand, FilterArgs, SortArg};
use crate::output::{clip, compact, money, percent, print_json};
use scout_app::{AppError, CreatorQuery, CreatorSort, Workspace};
use scout_domain::{Handle, Platform};

fn query(filter: &FilterArgs, offset: u64, limit: u32) -> CreatorQuery {
    CreatorQuery {
        search: filter.search.clone(),
        platform: None,
        country: filter.country.clone(),
        category: filter.category.clone(),
        min_followers: filter.min_followers,
        max_followers: filter.max_followers,
        min_engagement_bp: filter.min_engagement.map(|p| (p * 100.0).round().max(0.0) as u32),
        tag: filter.tag.clone(),
        include_hidden: filter.include_hidden,
        ids: None,
        except: Vec::new(),
        sort: match filter.sort {
            SortArg::Handle => CreatorSort::Handle,
            SortArg::Name => CreatorSort::DisplayName,
            SortArg::Followers => CreatorSort::Followers,
            SortArg::Views => CreatorSort::AvgViews,
            SortArg::Engagement => CreatorSort::EngagementRate,
            SortArg::Gmv => CreatorSort::Gmv,
            SortArg::Country => CreatorSort::Country,
            SortArg::AsOf => CreatorSort::DataAsOf,
        },
        descending: !filter.asc,
        offset,
        limit,
    }
}

/// A creator given as an id or a handle on `platform`.
pub async fn resolve(ws: &Workspace, creator: &str, platform: &str) -> Result<i64, AppError> {
    if let Ok(id) = creator.parse::<i64>() {
        return Ok(id);
    }
    let platform = Platform::parse(platform).map_err(|e| AppError::InvalidInput(e.to_string()))?;
    let handle = Handle::parse(creator).map_err(|e| AppError::InvalidInput(e.to_string()))?;
    ws.find_creator(platform, &handle).await
}

pub async fn run(ws: &Workspace, cmd: &CreatorsCommand, quiet: bool) -> Result<u8, AppError> {
    match cmd {
        CreatorsCommand::List { filter, limit, offset, json } => {
            let page = ws.list_creators(&query(filter, *offset, *limit)).await?;
            if *json {
                print_json(&page)?;
                return Ok(0);
            }
            println!(
                "{:<24} {:<24} {:>9} {:>9} {:>7} {:>16} {:<3} categories",
                "handle", "name", "followers", "avg views", "eng.", "GMV", "cc"
            );
            for r in &page.rows {
                println!(
                    "{:<24} {:<24} {:>9} {:>9} {:>7} {:>16} {:<3} {}",
                    clip(&r.handle.to_string(), 24),
                    clip(r.display_name.as_deref().unwrap_or("—"), 24),
                    compact(r.followers),
                    compact(r.avg_views),
                    percent(r.engagement_rate),
                    money(r.gmv.as_ref()),
                    r.country.as_ref().map_or("—", |c| c.as_str()),
                    r.categories.join(", ")
                );
            }
            let shown = page.rows.len() as u64;
            println!(
                "{}–{} of {} creators",
                if shown == 0 { 0 } else { page.offset + 1 },
                page.offset + shown,
                page.total
            );
            Ok(0)
        }
        CreatorsCommand::Lookalikes { creator, platform, top, json } => {
            let id = resolve(ws, creator, platform).await?;
            let found = ws.lookalikes(id, *top).await?;
            if *json {
                return print_json(&found).map(|_| 0);
            }
            for l in &found {
                println!(
                    "{:>4.0} %  {:<24} {:>9}  {}",
                    l.similarity * 100.0,
                    clip(&l.creator.handle.to_string(), 24),
                    compact(l.creator.followers),
                    l.reasons.join("; ")
                );
            }
            Ok(0)
        }
        CreatorsCommand::Show { creator, platform, json } => {
            let id = resolve(ws, creator, platform).await?;
            let d = ws.creator(id).await?;
            if *json {
                print_json(&d)?;
                return Ok(0);
            }
            crate::output::print_detail(&d);
            Ok(0)
        }
        CreatorsCommand::Export { out, filter } => {
            let n = ws.export_creators(&query(filter, 0, 0), out.clone()).await?;
            if !quiet {
                eprintln!("wrote {n} creators to {}", out.display());
            }
            Ok(0)
        }
        CreatorsCommand::Tag { label, remove, filter } => {
            let n = ws.tag_creators(&query(filter, 0, 0), label, !remove).await?.len();
            if !quiet {
                eprintln!("{} {n} creators", if *remove { "untagged" } else { "tagged" });
            }
            Ok(0)
        }
        CreatorsCommand::Hide { show, filter } => {
            // Showing again reads hidden creators whatever the filter flags say.
            let n = ws.hide_creators(&query(filter, 0, 0), !show).await?.len();
            if !quiet {
                eprintln!("{} {n} creators", if *show { "showed again" } else { "hid" });
            }
            Ok(0)
        }
    }
}
