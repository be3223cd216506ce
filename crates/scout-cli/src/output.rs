//! Terminal output: reports, tables, compact numbers, JSON.

use crate::EXIT_REJECTED_ROWS;
use indicatif::{ProgressBar, ProgressStyle};
use scout_app::{
    AppError, CancelToken, ImportKind, ImportProgress, ImportReport, ImportStatus, IssueOutcome,
};
use scout_domain::{BasisPoints, Money};
use serde::Serialize;

/// What every file import shows while it runs: a progress bar (hidden when `hidden`), a cancel token
/// that Ctrl-C trips, and the callback that moves the bar. Call `finish_and_clear` on the bar when done.
pub fn import_progress(hidden: bool) -> (ProgressBar, CancelToken, impl Fn(ImportProgress) + Send) {
    let bar = if hidden { ProgressBar::hidden() } else { ProgressBar::new(0) };
    bar.set_style(
        ProgressStyle::with_template("{spinner} importing [{bar:30}] {percent:>3}%  {msg}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let cancel = CancelToken::default();
    let on_ctrl_c = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.cancel();
        }
    });
    let moved = bar.clone();
    let on_progress = move |p: ImportProgress| {
        moved.set_length(p.bytes_total);
        moved.set_position(p.bytes_done);
        moved.set_message(format!("{} rows", p.rows_done));
    };
    (bar, cancel, on_progress)
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), AppError> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| AppError::Internal(format!("JSON output: {e}")))?;
    println!("{text}");
    Ok(())
}

/// Cuts `s` to at most `width` characters, marking the cut with '…'.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// 1234 → "1.2K", 60300000 → "60.3M"; `None` → "—".
pub fn compact(n: Option<u64>) -> String {
    let Some(n) = n else { return "—".into() };
    let (value, suffix) = match n {
        0..=999 => return n.to_string(),
        1_000..=999_999 => (n as f64 / 1e3, "K"),
        1_000_000..=999_999_999 => (n as f64 / 1e6, "M"),
        _ => (n as f64 / 1e9, "B"),
    };
    let text = format!("{value:.1}");
    format!("{}{suffix}", text.strip_suffix(".0").unwrap_or(&text))
}

pub fn percent(bp: Option<BasisPoints>) -> String {
    bp.map_or_else(|| "—".into(), |b| format!("{:.1} %", b.as_percent()))
}

pub fn money(m: Option<&Money>) -> String {
    m.map_or_else(|| "—".into(), ToString::to_string)
}

/// Prints what an import or a sync did; issues are placed by `unit` ("line" of a file, "order" of a
/// sync).
pub fn print_report(r: &ImportReport, unit: &str) {
    let import = r.import_id.map_or_else(|| "?".into(), |b| b.to_string());
    if r.status == ImportStatus::UnchangedDuplicateFile {
        println!("{}: already imported as import {import}; nothing changed", r.file_name);
        return;
    }
    let c = r.counts;
    let merged =
        if r.kind == ImportKind::Creators { format!(", {} merged", c.merged) } else { String::new() };
    println!(
        "{}: {} rows in {:.1} s — {} created, {} updated, {} unchanged{merged}, {} rejected (import {import})",
        r.file_name,
        c.rows_total,
        r.duration_ms as f64 / 1000.0,
        c.created,
        c.updated,
        c.unchanged,
        c.rejected,
    );
    if let Some(p) = &r.platform {
        match p.evidence.as_slice() {
            [] => println!("  platform: {} (where a row does not say)", p.platform),
            said => println!("  platform: {} (from {})", p.platform, said.join(", ")),
        }
    }
    if let Some(a) = r.attribution {
        println!("  orders: {} attributed to a collaboration, {} not", a.attributed, a.unattributed);
    }
    if let Some(order) = &r.date_order {
        println!("  dates: {order}");
    }
    for i in r.issues.iter().take(20) {
        let column = i.column.as_deref().map(|c| format!(" column '{c}'")).unwrap_or_default();
        let what = match i.outcome {
            IssueOutcome::Rejected => "rejected",
            IssueOutcome::Merged => "merged",
            IssueOutcome::ValueSkipped => "value skipped",
            IssueOutcome::Noted => "note",
        };
        println!("  {unit} {}{column}: {what}: {}", i.line, i.message);
    }
    let more = r.issues.len().saturating_sub(20) as u64 + r.issues_truncated;
    if more > 0 {
        let how = match r.kind {
            ImportKind::Creators => "scout rejected BATCH OUT.csv exports the rejected rows",
            ImportKind::Orders | ImportKind::Videos => "--json lists the first 1,000",
        };
        println!("  … and {more} more issues ({how})");
    }
}

/// The exit code of an import: [`EXIT_REJECTED_ROWS`] when rows were rejected.
pub fn import_exit_code(r: &ImportReport) -> u8 {
    if r.status == ImportStatus::Imported && r.counts.rejected > 0 {
        EXIT_REJECTED_ROWS
    } else {
        0
    }
}

pub fn print_detail(d: &scout_app::CreatorDetail) {
    let p = &d.profile;
    println!("{} ({}) on {}", d.key.handle, p.display_name.as_deref().unwrap_or("no name"), d.key.platform);
    let country = p.country.as_ref().map_or("—", |c| c.as_str());
    let categories = if p.categories.is_empty() { "—".to_string() } else { p.categories.join(", ") };
    println!(
        "  country {country} · language {} · categories {categories}",
        p.language.as_deref().unwrap_or("—")
    );
    if let Some(email) = &p.email {
        println!("  e-mail {email}");
    }
    if let Some(bio) = &p.bio {
        println!("  bio: {bio}");
    }
    let f = &d.figures;
    let source = |field: &str| {
        d.provenance
            .iter()
            .find(|s| s.field == field)
            .map(|s| format!("{} · as of {}", s.source_name, s.as_of))
            .unwrap_or_default()
    };
    let engagement_source = if d.engagement_derived {
        "derived from the averages".to_string()
    } else {
        source("engagement_rate")
    };
    let rows = [
        ("followers", compact(f.followers), source("followers")),
        ("following", compact(f.following), source("following")),
        ("avg views", compact(f.avg_views), source("avg_views")),
        ("avg likes", compact(f.avg_likes), source("avg_likes")),
        ("avg comments", compact(f.avg_comments), source("avg_comments")),
        ("avg shares", compact(f.avg_shares), source("avg_shares")),
        ("engagement", percent(f.engagement_rate), engagement_source),
        ("GMV", money(f.gmv.as_ref()), source("gmv")),
        ("units sold", compact(f.units_sold), source("units_sold")),
        ("avg commission", percent(f.avg_commission_rate), source("avg_commission_rate")),
    ];
    for (name, value, source) in rows {
        println!("  {name:<15} {value:>16}  {source}");
    }
    match &d.audience {
        None => println!("  audience: no data"),
        Some(a) => {
            if let Some(g) = &a.gender {
                println!("  audience gender: {} female, {} male, {} other", g.female, g.male, g.other);
            }
            let ages: Vec<String> = a.age.iter().map(|s| format!("{} {}", s.band.label(), s.share)).collect();
            if !ages.is_empty() {
                println!("  audience age: {}", ages.join(", "));
            }
            let countries: Vec<String> =
                a.countries.iter().map(|c| format!("{} {}", c.country.as_str(), c.share)).collect();
            if !countries.is_empty() {
                println!("  audience countries: {}", countries.join(", "));
            }
        }
    }
    let n = d.history.len();
    println!("  history ({n} snapshot{}):", if n == 1 { "" } else { "s" });
    for s in &d.history {
        println!(
            "    {}  followers {:>8}  avg views {:>8}  {}",
            s.as_of,
            compact(s.figures.followers),
            compact(s.figures.avg_views),
            s.source_name
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_numbers_read_like_the_sources() {
        assert_eq!(compact(Some(60_300_000)), "60.3M");
        assert_eq!(compact(Some(8_000_000)), "8M", "no trailing .0");
        assert_eq!(compact(Some(999)), "999");
        assert_eq!(compact(None), "—", "unknown is a dash, never 0");
    }

    #[test]
    fn clip_counts_characters_not_bytes() {
        assert_eq!(clip("يزن الأسمر", 4), "يزن…", "Arabic is cut by characters");
        assert_eq!(clip("short", 10), "short");
    }
}
