//! `scout campaign`, `scout match` and `scout shortlist`.

use crate::cli_match::{CampaignCommand, MatchArgs, MatchSortArg, ShortlistCommand};
use crate::creators::resolve;
use crate::output::{clip, compact, print_json};
use scout_app::{
    AppError, Campaign, Coverage, Explanation, FactorStatus, MatchFilters, MatchSort, RankQuery, Workspace,
};
use scout_domain::{CampaignSpec, CountryCode};
use std::path::Path;

/// A campaign given as an id or an exact name.
pub async fn campaign(ws: &Workspace, given: &str) -> Result<Campaign, AppError> {
    match given.parse::<i64>() {
        Ok(id) => ws.campaign(id).await,
        Err(_) => ws.find_campaign(given).await,
    }
}

fn read_spec(path: &Path) -> Result<CampaignSpec, AppError> {
    let text = std::fs::read_to_string(path).map_err(|source| AppError::Io {
        action: "read",
        path: path.into(),
        source,
    })?;
    serde_json::from_str(&text)
        .map_err(|e| AppError::InvalidInput(format!("{}: not a campaign spec: {e}", path.display())))
}

pub async fn run(ws: &Workspace, cmd: &CampaignCommand) -> Result<u8, AppError> {
    match cmd {
        CampaignCommand::Create { spec, json } => {
            let c = ws.create_campaign(&read_spec(spec)?).await?;
            if *json {
                print_json(&c)?;
            } else {
                println!("created campaign {} '{}'", c.id, c.spec.name);
            }
        }
        CampaignCommand::Update { campaign: given, spec } => {
            let id = campaign(ws, given).await?.id;
            let c = ws.update_campaign(id, &read_spec(spec)?).await?;
            println!("updated campaign {} '{}'", c.id, c.spec.name);
        }
        CampaignCommand::List { json } => {
            let all = ws.list_campaigns().await?;
            if *json {
                return print_json(&all).map(|_| 0);
            }
            println!(
                "{:>4}  {:<48} {:<24} {:>11} {:>8}",
                "id", "name", "category", "shortlisted", "outcomes"
            );
            for c in &all {
                println!(
                    "{:>4}  {:<48} {:<24} {:>11} {:>8}",
                    c.id,
                    clip(&c.spec.name, 48),
                    clip(c.spec.product.category.as_deref().unwrap_or("—"), 24),
                    c.shortlisted,
                    c.outcomes
                );
            }
            println!("{} campaigns", all.len());
        }
        CampaignCommand::Show { campaign: given } => print_json(&campaign(ws, given).await?.spec)?,
        CampaignCommand::Example => println!("{}", scout_app::EXAMPLE_CAMPAIGN),
    }
    Ok(0)
}

fn query(args: &MatchArgs) -> Result<RankQuery, AppError> {
    let countries = args
        .country
        .iter()
        .map(|c| CountryCode::parse(c).map_err(|e| AppError::InvalidInput(format!("--country: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RankQuery {
        filters: MatchFilters {
            categories: args.category.clone(),
            followers_min: args.min_followers,
            followers_max: args.max_followers,
            engagement_min_bp: args.min_engagement.map(|p| (p * 100.0).round().max(0.0) as u32),
            gmv_min_usd: args.min_gmv,
            countries,
            has_contact: args.has_contact,
            not_contacted_days: args.not_contacted_in,
            without_warnings: args.without_warnings,
            ..Default::default()
        },
        sort: match args.sort {
            MatchSortArg::Score => MatchSort::Score,
            MatchSortArg::Confidence => MatchSort::Confidence,
            MatchSortArg::Followers => MatchSort::Followers,
            MatchSortArg::Engagement => MatchSort::Engagement,
            MatchSortArg::Gmv => MatchSort::Gmv,
        },
        ascending: false,
        offset: 0,
        limit: args.top,
    })
}

pub async fn rank(ws: &Workspace, args: &MatchArgs) -> Result<u8, AppError> {
    let c = campaign(ws, &args.campaign).await?;
    let page = ws.rank_matches(c.id, &query(args)?).await?;
    let mut explanations = Vec::new();
    if args.explain {
        for r in &page.rows {
            explanations.push(ws.explain_match(c.id, r.creator.id).await?);
        }
    }
    if args.json {
        let value = serde_json::json!({ "campaign": c.id, "page": page, "explanations": explanations });
        return print_json(&value).map(|_| 0);
    }
    println!(
        "{} — {} of {} creators, model {}, ranked in {:.1} ms",
        c.spec.name, page.total, page.scored, page.model_version, page.took_ms
    );
    print_coverage(&page.coverage);
    println!("{:>4} {:>5} {:>6}  {:<24} {:>9}  warnings", "rank", "score", "conf.", "handle", "followers");
    for (i, r) in page.rows.iter().enumerate() {
        let warnings: Vec<String> = r.warnings.iter().map(|w| format!("{w:?}")).collect();
        println!(
            "{:>4} {:>5.1} {:>5.0}%  {:<24} {:>9}  {}",
            i + 1,
            r.score,
            r.confidence * 100.0,
            clip(&r.creator.handle.to_string(), 24),
            compact(r.creator.followers),
            warnings.join(", ")
        );
        if let Some(e) = explanations.get(i) {
            print_explanation(e);
        }
    }
    Ok(0)
}

/// What the ranking could use and what would improve it, above the list.
fn print_coverage(c: &Coverage) {
    println!("data: {}", c.summary());
    if !c.rests_on.is_empty() && !c.thin.is_empty() {
        println!("ranked on {} only: no data for most creators on {}", words(&c.rests_on), words(&c.thin));
    }
    if let Some(step) = &c.next_step {
        println!("next: {step}");
    }
}

/// The labels in lower case, as a sentence.
fn words(list: &[String]) -> String {
    scout_match::format::list_words(&list.iter().map(|l| l.to_lowercase()).collect::<Vec<_>>())
}

fn print_explanation(e: &Explanation) {
    println!("        baseline {:>+6.1}", e.baseline);
    for f in &e.factors {
        // A factor without data shows as such, never as a "+0.0" that looks like an answer.
        let points = match f.status {
            FactorStatus::Known => format!("{:>+6.1}", f.points),
            FactorStatus::Missing => "no data".to_string(),
            FactorStatus::NotTargeted => "     —".to_string(),
        };
        println!("        {:<26} {points:>7}  {}", f.label, f.evidence);
    }
    for n in &e.confidence_notes {
        println!("        confidence: {n}");
    }
    for w in &e.warnings {
        println!("        warning: {}", w.message);
    }
}

pub async fn shortlist(ws: &Workspace, cmd: &ShortlistCommand) -> Result<u8, AppError> {
    match cmd {
        ShortlistCommand::Add { campaign: given, creators }
        | ShortlistCommand::Remove { campaign: given, creators } => {
            let id = campaign(ws, given).await?.id;
            let adding = matches!(cmd, ShortlistCommand::Add { .. });
            for c in creators {
                let creator = resolve(ws, c, "tiktok").await?;
                if adding {
                    ws.shortlist_add(id, creator).await?;
                } else {
                    ws.shortlist_remove(id, creator).await?;
                }
            }
            println!("{} {} creator(s)", if adding { "shortlisted" } else { "removed" }, creators.len());
        }
        ShortlistCommand::Overlap { campaign: given, json } => {
            let o = ws.shortlist_overlap(campaign(ws, given).await?.id).await?;
            if *json {
                return print_json(&o).map(|_| 0);
            }
            for p in &o.pairs {
                let s = p
                    .similarity
                    .map_or_else(|| "no common data".into(), |s| format!("{:.0} % alike", s * 100.0));
                println!("{:>6} ↔ {:<6} {s}", p.a, p.b);
            }
            println!(
                "{} of {} followers possibly duplicated; {} creator(s) without audience data\n{}",
                compact(Some(o.followers_possibly_duplicated)),
                compact(Some(o.followers_total)),
                o.without_audience_data,
                o.note
            );
        }
        ShortlistCommand::List { campaign: given, json } => {
            let list = ws.shortlist(campaign(ws, given).await?.id).await?;
            if *json {
                return print_json(&list).map(|_| 0);
            }
            for s in &list {
                println!(
                    "{:>5}  {:<24} {}  {}",
                    s.score.map_or_else(|| "—".into(), |v| format!("{v:.1}")),
                    clip(&s.creator.handle.to_string(), 24),
                    s.entry.tags.join(", "),
                    s.entry.note
                );
            }
            println!("{} shortlisted", list.len());
        }
    }
    Ok(0)
}
