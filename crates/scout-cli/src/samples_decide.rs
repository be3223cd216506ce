//! `scout samples approve|reject|decisions`: the seller's decisions on sample requests, recorded with
//! their reasons and queued for TikTok Shop (`scout outbox run` sends them).

use crate::cli_samples::CliRejectReason;
use crate::output::print_json;
use scout_app::{reject_words, AppError, ReviewDecision, SampleChoice, SampleDecision, Workspace};

/// Decides every request in `ids` the same way, all or none.
pub async fn decide(
    ws: &Workspace,
    ids: &[String],
    reject: Option<CliRejectReason>,
    note: Option<&str>,
    json: bool,
) -> Result<u8, AppError> {
    let decision = reject.map_or(ReviewDecision::Approve, |r| ReviewDecision::Reject(r.into()));
    let choices: Vec<SampleChoice> = ids
        .iter()
        .map(|id| SampleChoice { application_id: id.clone(), decision, note: note.map(str::to_string) })
        .collect();
    let recorded = ws.decide_samples(&choices).await?;
    if json {
        return print_json(&recorded).map(|_| 0);
    }
    let verb = match decision {
        ReviewDecision::Approve => "approved".to_string(),
        ReviewDecision::Reject(r) => format!("rejected ({})", reject_words(r)),
    };
    println!(
        "{verb} {} request(s); the reviews are queued — `scout outbox run` sends them to TikTok Shop",
        recorded.len()
    );
    Ok(0)
}

pub async fn decisions(ws: &Workspace, id: &str, json: bool) -> Result<u8, AppError> {
    let all = ws.sample_decisions(id).await?;
    if json {
        return print_json(&all).map(|_| 0);
    }
    if all.is_empty() {
        println!("no decision on {id} yet");
    }
    for d in &all {
        print_decision(d);
    }
    Ok(0)
}

fn print_decision(d: &SampleDecision) {
    let reason =
        d.reject_reason.as_deref().map(|r| format!(" ({})", r.to_ascii_lowercase())).unwrap_or_default();
    println!(
        "{}  {:?}{reason} by the {:?}: {} — review {:?}{}",
        d.decided_at.format("%Y-%m-%d %H:%M UTC"),
        d.verdict,
        d.decided_by,
        d.reason,
        d.review_state,
        d.review_error.as_deref().map(|e| format!(" ({e})")).unwrap_or_default()
    );
    println!("    saw: {}", d.seen_json);
}
