//! Issue 19's measure on the fake API's labelled-synthetic sample history (fake_samples.py, run here so
//! the generating rule has one source): the labels Scout derives from the wire agree with the hidden
//! truth; the learned P(post) beats TikTok's signals alone on AUC and Brier on held-out requests; and
//! approving by expected net value earns more per sample than approving all and than TikTok-style
//! thresholds, with the same number of samples.

use scout_domain::{BasisPoints, Currency, Money};
use scout_match::samples::{read_dump, simulate, PostTrainParams, SimulationReport};
use std::path::Path;
use std::process::Command;

/// 2026-12-07 00:00 UTC: a fixed anchor, so the numbers do not move with the calendar.
const ANCHOR: &str = "1796601600";

fn run(history: u32) -> SimulationReport {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/tiktok/fake_samples.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--dump", "--history", &history.to_string(), ANCHOR])
        .output()
        .expect("python3 runs fake_samples.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (requests, _) = read_dump(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    let usd = Currency::usd();
    simulate(
        &requests,
        &PostTrainParams::default(),
        BasisPoints(4_000),
        &Money::new(850, usd.clone()),
        &Money::new(400, usd),
    )
    .unwrap()
}

#[test]
fn the_wire_label_agrees_with_the_hidden_truth_on_the_seeded_history() {
    let r = run(300);
    assert!(r.labels_derived > 120, "most approved requests settle: {r:?}");
    assert_eq!(r.labels_agreeing, r.labels_derived, "every derived label is the truth: {r:?}");
}

#[test]
fn the_learned_chance_beats_tiktoks_signals_and_net_value_beats_approving_all_and_thresholds() {
    let r = run(3_000);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    assert_eq!(r.labels_agreeing, r.labels_derived, "labels agree with the truth");
    let (l, d) = (&r.learned_on_all, &r.default_on_all);
    assert!(l.auc.unwrap() > d.auc.unwrap(), "AUC: learned {:?} vs default {:?}", l.auc, d.auc);
    assert!(l.brier < d.brier, "Brier: learned {} vs default {}", l.brier, d.brier);
    let (l, d) = (&r.learned_on_outcomes, &r.default_on_outcomes);
    assert!(l.auc.unwrap() > d.auc.unwrap() && l.brier < d.brier, "on held-out outcomes too: {l:?} vs {d:?}");
    let per = |name: &str| r.strategies.iter().find(|s| s.name.starts_with(name)).unwrap();
    let (all, thresholds, learned) =
        (per("approve all"), per("TikTok-style"), per("top by net value, learned"));
    assert_eq!(learned.samples, thresholds.samples, "the same number of samples");
    assert!(
        learned.net_profit_per_sample_usd > all.net_profit_per_sample_usd
            && learned.net_profit_per_sample_usd > thresholds.net_profit_per_sample_usd,
        "net value per sample: learned {learned:?}, all {all:?}, thresholds {thresholds:?}"
    );
}
