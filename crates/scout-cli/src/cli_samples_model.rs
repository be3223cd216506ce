//! `scout samples model|assess|rule|economics`: who will post after a free sample (issue 19, decision
//! 0025) — the P(post) model's card, training, adoption and simulation; Scout's numbers for the pending
//! requests; the approval rule and its backtest; the products' economics.

use crate::output::{clip, money, print_json};
use clap::Subcommand;
use scout_app::{AppError, EconomicsInput, Workspace, BACKTEST_DAYS};
use scout_domain::{BasisPoints, Currency, Money};
use scout_match::samples::{
    read_dump, simulate, PostMetrics, PostTrainParams, SampleAssessment, SampleRule, SimulationReport,
};
use std::path::PathBuf;
use std::process::Command;

#[derive(Debug, Subcommand)]
pub enum LearningCommand {
    /// The chance a requester posts within 14 days: the model card, training, adoption, simulation.
    #[command(subcommand)]
    Model(PostModelCommand),
    /// Scout's numbers for the pending requests (or the given ones): P(post), expected GMV if they post,
    /// the expected net value of approving, and the factors behind P(post).
    Assess {
        /// Application ids (the pending requests without any).
        #[arg(long = "id", value_name = "APPLICATION_ID")]
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// The approval rule: what it is, what it would have done, on and off.
    #[command(subcommand)]
    Rule(RuleCommand),
    /// Per product: price, margin, sample cost and shipping (for the net value).
    #[command(subcommand)]
    Economics(EconomicsCommand),
}

#[derive(Debug, Subcommand)]
pub enum PostModelCommand {
    /// The model card: the default and the learned models, their metrics, the one in use.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Learn P(post) from the seller's settled outcomes and compare it with TikTok's signals alone; it
    /// is not used until adopted.
    Train {
        #[arg(long)]
        json: bool,
    },
    /// Use learned model ID for P(post), or `default` for TikTok's signals alone.
    Adopt { id: String },
    /// The measure on the fake API's labelled-synthetic history (fake_samples.py --dump
    /// --history N): learned vs TikTok's signals (AUC, Brier) and approval strategies' net profit per
    /// sample with the same number of samples.
    Evaluate {
        /// Past requests to simulate.
        #[arg(long, default_value_t = 3_000)]
        history: u32,
        /// The folder holding fake_samples.py (default: this source tree's fixtures/tiktok).
        #[arg(long)]
        fixtures: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// The rule's settings and whether it is on.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change the rule (turns it off until backtested and turned on again).
    Set {
        /// The least P(post): 0.6 or 60%.
        #[arg(long)]
        min_p_post: Option<String>,
        /// The least expected net value, in the shop's currency: 5.00.
        #[arg(long)]
        min_net_value: Option<String>,
        #[arg(long)]
        daily_limit: Option<u32>,
        /// Reject (not a match) what falls below the thresholds instead of leaving it to you.
        #[arg(long)]
        reject_below: Option<bool>,
    },
    /// What the rule would have decided on the past days' requests.
    Backtest {
        #[arg(long, default_value_t = BACKTEST_DAYS)]
        days: u32,
        #[arg(long)]
        json: bool,
    },
    /// Turn the rule on (only after its backtest was shown).
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum EconomicsCommand {
    /// Set a product's economics: --margin 40% --sample-cost 8.50 --shipping 4.00 [--price 29.99].
    Set {
        product_id: String,
        #[arg(long)]
        margin: String,
        #[arg(long)]
        sample_cost: String,
        #[arg(long)]
        shipping: String,
        /// The price a paid order brings (values a post by your own posts' orders per view).
        #[arg(long)]
        price: Option<String>,
        /// ISO code (the shop's currency without it).
        #[arg(long)]
        currency: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Remove {
        product_id: String,
    },
}

fn metric(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.3}"))
}

fn metrics_row(name: &str, m: &PostMetrics) {
    println!(
        "  {name:<34} {:>7} {:>7} {:>6} {:>7}",
        metric(m.auc),
        format!("{:.3}", m.brier),
        m.examples,
        m.posted
    );
}

fn print_assessments(rows: &[SampleAssessment]) {
    println!("{:<20} {:>7} {:>16} {:>16}  why", "application", "P(post)", "GMV if posted", "net value");
    for a in rows {
        let top: Vec<String> = a
            .chance
            .factors
            .iter()
            .filter(|f| f.points.abs() >= 0.05)
            .take(2)
            .map(|f| format!("{} {:+.1}", f.label, f.points))
            .collect();
        println!(
            "{:<20} {:>6.0}% {:>16} {:>16}  {}",
            clip(&a.application_id, 20),
            a.chance.p_post * 100.0,
            money(a.expected_gmv.as_ref().map(|g| &g.amount)),
            money(a.net_value.as_ref()),
            if top.is_empty() { "—".into() } else { top.join(", ") }
        );
        if a.net_value.is_none() {
            println!("{:<20} {}", "", a.net_value_evidence);
        }
    }
}

fn print_simulation(r: &SimulationReport) {
    println!(
        "SIMULATED (fake_samples.py, labelled synthetic): {} past requests, {} settled outcomes ({} train), \
         held out from {}",
        r.history, r.outcomes, r.train_outcomes, r.test_from
    );
    println!(
        "  labels from the wire agreeing with the hidden truth: {} of {}",
        r.labels_agreeing, r.labels_derived
    );
    println!("  {:<34} {:>7} {:>7} {:>6} {:>7}", "P(post within 14 days)", "AUC ↑", "Brier ↓", "n", "posted");
    metrics_row("learned, held-out outcomes", &r.learned_on_outcomes);
    metrics_row("TikTok's signals, held-out outcomes", &r.default_on_outcomes);
    metrics_row("learned, all held-out requests", &r.learned_on_all);
    metrics_row("TikTok's signals, all held-out", &r.default_on_all);
    println!("  {:<64} {:>7} {:>7} {:>16}", "strategy", "samples", "posted", "net $ / sample");
    for s in &r.strategies {
        println!(
            "  {:<64} {:>7} {:>7} {:>16.2}",
            clip(&s.name, 64),
            s.samples,
            s.posted,
            s.net_profit_per_sample_usd
        );
    }
}

fn evaluate(history: u32, fixtures: Option<&PathBuf>) -> Result<SimulationReport, AppError> {
    let dir = fixtures
        .cloned()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/tiktok"));
    let script = dir.join("fake_samples.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--dump", "--history", &history.max(1).to_string(), "1796601600"])
        .output()
        .map_err(|source| AppError::Io { action: "run python3 for", path: script.clone(), source })?;
    if !out.status.success() {
        return Err(AppError::Internal(format!(
            "fake_samples.py failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let (requests, _) = read_dump(&text).map_err(|e| AppError::Internal(e.to_string()))?;
    let usd = Currency::usd();
    simulate(
        &requests,
        &PostTrainParams::default(),
        BasisPoints(4_000),
        &Money::new(850, usd.clone()),
        &Money::new(400, usd),
    )
    .map_err(|e| AppError::Internal(format!("simulation: {e}")))
}

fn chance(text: &str) -> Result<f64, AppError> {
    let t = text.trim();
    let v = match t.strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().map(|v| v / 100.0),
        None => t.parse::<f64>(),
    };
    v.ok().filter(|v| v.is_finite() && (0.0..=1.0).contains(v)).ok_or_else(|| AppError::InvalidField {
        field: "min_p_post".into(),
        message: format!("min_p_post: '{t}' is not a chance such as 0.6 or 60%"),
    })
}

async fn rule(ws: &Workspace, cmd: &RuleCommand) -> Result<u8, AppError> {
    let print = |s: &scout_app::SampleRuleState| {
        let r = &s.rule;
        println!(
            "approve when P(post) ≥ {:.0} % and net value ≥ {}, up to {} a day{}",
            r.min_p_post * 100.0,
            r.min_net_value,
            r.daily_limit,
            if r.reject_below { "; reject the rest (not a match)" } else { "; leave the rest to you" }
        );
        println!(
            "{}{}",
            if s.enabled { "ON" } else { "off" },
            match (s.saved, s.backtested_at) {
                (false, _) => " (the example rule: not saved yet)".to_string(),
                (true, None) =>
                    " (not backtested: run `scout samples rule backtest` before turning it on)".into(),
                (true, Some(t)) => format!(" (backtested {})", t.format("%Y-%m-%d %H:%M UTC")),
            }
        );
    };
    match cmd {
        RuleCommand::Show { json } => {
            let s = ws.sample_rule().await?;
            if *json {
                return print_json(&s).map(|_| 0);
            }
            print(&s);
        }
        RuleCommand::Set { min_p_post, min_net_value, daily_limit, reject_below } => {
            let now = ws.sample_rule().await?.rule;
            let currency = now.min_net_value.currency.clone();
            let net = match min_net_value {
                Some(v) => parse_amount(v, &currency, "min_net_value")?,
                None => now.min_net_value.clone(),
            };
            let rule = SampleRule {
                min_p_post: min_p_post.as_deref().map(chance).transpose()?.unwrap_or(now.min_p_post),
                min_net_value: net,
                daily_limit: daily_limit.unwrap_or(now.daily_limit),
                reject_below: reject_below.unwrap_or(now.reject_below),
            };
            print(&ws.set_sample_rule(&rule).await?);
        }
        RuleCommand::Backtest { days, json } => {
            let b = ws.backtest_sample_rule(*days).await?;
            if *json {
                return print_json(&b).map(|_| 0);
            }
            print(&ws.sample_rule().await?);
            println!(
                "on the last {days} days ({} – {}): {} requests; it would have approved {}, of which {} have a known \
                 outcome and {} posted within 14 days; {} had no net value (left to you)",
                b.from.map_or("—".into(), |d| d.to_string()),
                b.to.map_or("—".into(), |d| d.to_string()),
                b.requests,
                b.would_approve,
                b.with_known_outcome,
                b.posted,
                b.net_value_unknown
            );
            println!(
                "expected net value of those approved: {}; real net value of those with a known outcome: {}",
                money(b.expected_net_value.as_ref()),
                money(b.realized_net_value.as_ref())
            );
            println!("note: {}", b.note);
        }
        RuleCommand::On => print(&ws.turn_sample_rule(true).await?),
        RuleCommand::Off => print(&ws.turn_sample_rule(false).await?),
    }
    Ok(0)
}

fn parse_amount(text: &str, currency: &Currency, field: &str) -> Result<Money, AppError> {
    let t = text.trim().trim_start_matches('$');
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .and_then(|v| Money::from_major(v, currency.clone()))
        .ok_or_else(|| AppError::InvalidField {
            field: field.into(),
            message: format!("{field}: '{}' is not an amount such as 5.00", text.trim()),
        })
}

pub async fn run(ws: &Workspace, cmd: &LearningCommand) -> Result<u8, AppError> {
    match cmd {
        LearningCommand::Model(PostModelCommand::Show { json }) => {
            let card = ws.post_model_card().await?;
            if *json {
                return print_json(&card).map(|_| 0);
            }
            let in_use = card
                .learned
                .iter()
                .find(|m| m.in_use)
                .map_or(card.default_version.clone(), |m| m.model.version.clone());
            println!("in use: {in_use}");
            println!("default {}: {}", card.default_version, card.default_description);
            let o = &card.outcomes;
            println!(
                "history: {} requests, {} settled outcomes of approved requests ({} posted within 14 days, base rate {}), \
                 {} – {}; training needs {}",
                o.requests,
                o.examples,
                o.posted,
                o.base_rate.map_or("—".into(), |r| format!("{:.0} %", r * 100.0)),
                o.from.map_or("—".into(), |d| d.to_string()),
                o.to.map_or("—".into(), |d| d.to_string()),
                card.min_examples
            );
            println!("note: {}", card.note);
            for m in &card.learned {
                print_entry(m);
            }
        }
        LearningCommand::Model(PostModelCommand::Train { json }) => {
            let m = ws.train_post_model().await?;
            if *json {
                return print_json(&m).map(|_| 0);
            }
            print_entry(&m);
            println!("adopt it with `scout samples model adopt {}`", m.id);
        }
        LearningCommand::Model(PostModelCommand::Adopt { id }) => {
            if id.trim().eq_ignore_ascii_case("default") {
                ws.use_default_post_model().await?;
                println!("P(post) now from TikTok's signals alone (the default)");
            } else {
                let n: i64 = id.trim().parse().map_err(|_| AppError::InvalidField {
                    field: "id".into(),
                    message: format!("id: '{}' is neither a model id nor `default`", id.trim()),
                })?;
                ws.adopt_post_model(n).await?;
                println!("P(post) now from learned model {n}");
            }
        }
        LearningCommand::Model(PostModelCommand::Evaluate { history, fixtures, json }) => {
            let r = evaluate(*history, fixtures.as_ref())?;
            if *json {
                return print_json(&r).map(|_| 0);
            }
            print_simulation(&r);
        }
        LearningCommand::Assess { ids, json } => {
            let rows = ws.assess_sample_requests((!ids.is_empty()).then_some(ids.as_slice())).await?;
            if *json {
                return print_json(&rows).map(|_| 0);
            }
            print_assessments(&rows);
            eprintln!("{} request(s)", rows.len());
        }
        LearningCommand::Rule(cmd) => return rule(ws, cmd).await,
        LearningCommand::Economics(EconomicsCommand::Set {
            product_id,
            margin,
            sample_cost,
            shipping,
            price,
            currency,
        }) => {
            let e = ws
                .set_sample_economics(&EconomicsInput {
                    product_id: product_id.clone(),
                    price: price.clone(),
                    margin: margin.clone(),
                    sample_cost: sample_cost.clone(),
                    shipping: shipping.clone(),
                    currency: currency.clone(),
                })
                .await?;
            println!(
                "{}: price {}, margin {:.1} %, sample {}, shipping {}",
                e.product_id,
                money(e.price.as_ref()),
                f64::from(e.margin.0) / 100.0,
                e.sample_cost,
                e.shipping
            );
        }
        LearningCommand::Economics(EconomicsCommand::List { json }) => {
            let list = ws.list_sample_economics().await?;
            if *json {
                return print_json(&list).map(|_| 0);
            }
            println!("{:<22} {:>14} {:>8} {:>12} {:>12}", "product", "price", "margin", "sample", "shipping");
            for e in &list {
                println!(
                    "{:<22} {:>14} {:>7.1}% {:>12} {:>12}",
                    clip(&e.product_id, 22),
                    money(e.price.as_ref()),
                    f64::from(e.margin.0) / 100.0,
                    e.sample_cost.to_string(),
                    e.shipping.to_string()
                );
            }
        }
        LearningCommand::Economics(EconomicsCommand::Remove { product_id }) => {
            ws.remove_sample_economics(product_id).await?;
            println!("{}: economics removed; its net value is unknown again", product_id.trim());
        }
    }
    Ok(0)
}

fn print_entry(m: &scout_app::PostModelEntry) {
    let e = &m.evaluation;
    println!(
        "model {} (id {}){}{}\n  trained on {} outcomes ({} – {}), tested on the newest {} ({} – {}); base rate {:.0} %",
        m.model.version,
        m.id,
        if m.in_use { "  ← in use" } else { "" },
        if m.simulated { "  [SIMULATED history]" } else { "" },
        e.train_examples,
        e.train_from,
        e.test_from,
        e.test_examples,
        e.test_from,
        e.test_to,
        e.base_rate * 100.0
    );
    println!("  {:<34} {:>7} {:>7} {:>6} {:>7}", "", "AUC ↑", "Brier ↓", "n", "posted");
    metrics_row("learned", &e.learned);
    metrics_row("default (TikTok's signals)", &e.default);
    println!("  weights per standard deviation:");
    for f in &m.model.features {
        println!("    {:<20} {:>+6.2}", f.feature.label(), f.weight);
    }
}
