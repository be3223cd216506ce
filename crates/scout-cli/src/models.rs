//! `scout model`: the model card, training, adoption, simulation.

use crate::cli_match::ModelCommand;
use crate::output::print_json;
use scout_app::{AppError, LearnedModel, Metrics, Workspace};

fn metric(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v:.3}"))
}

fn print_comparison(m: &LearnedModel) {
    let e = &m.evaluation;
    let simulated = if e.simulated { "  [SIMULATED history]" } else { "" };
    println!(
        "model {} (id {}){}{simulated}\n  trained on {} outcomes ({} – {}), tested on the newest {} ({} – {})",
        m.model.version,
        m.id,
        if m.in_use { "  ← in use" } else { "" },
        e.train_examples,
        e.train_from,
        e.test_from,
        e.test_examples,
        e.test_from,
        e.test_to
    );
    let row = |name: &str, m: &Metrics| {
        println!(
            "  {name:<10} {:>8} {:>10} {:>8}",
            metric(m.auc),
            metric(m.ndcg_at_20),
            format!("{:.3}", m.brier)
        );
    };
    println!("  {:<10} {:>8} {:>10} {:>8}", "", "AUC ↑", "NDCG@20 ↑", "Brier ↓");
    row("default", &e.default);
    row("learned", &e.learned);
    println!("  weights per standard deviation:");
    for f in &m.model.features {
        println!("    {:<20} {:>+6.2}", f.feature.name(), f.weight);
    }
}

pub async fn run(ws: &Workspace, cmd: &ModelCommand) -> Result<u8, AppError> {
    match cmd {
        ModelCommand::Show { json } => {
            let card = ws.model_card().await?;
            if *json {
                return print_json(&card).map(|_| 0);
            }
            let in_use = card
                .learned
                .iter()
                .find(|m| m.in_use)
                .map_or(card.default_model.version.clone(), |m| m.model.version.clone());
            println!("in use: {in_use}");
            println!(
                "outcomes: {} ({} simulated); training needs at least {}",
                card.outcomes.total, card.outcomes.simulated, card.min_outcomes
            );
            println!("default model {}: {}", card.default_model.version, card.default_model.description);
            for m in &card.learned {
                print_comparison(m);
            }
        }
        ModelCommand::Train { json } => {
            let started = std::time::Instant::now();
            let m = ws.train_model().await?;
            if *json {
                return print_json(&m).map(|_| 0);
            }
            print_comparison(&m);
            println!(
                "trained in {:.2} s; adopt it with `scout model adopt {}`",
                started.elapsed().as_secs_f64(),
                m.id
            );
        }
        ModelCommand::Adopt { id } => {
            ws.adopt_model(*id).await?;
            println!("now scoring with learned model {id}");
        }
        ModelCommand::UseDefault => {
            ws.use_default_model().await?;
            println!("now scoring with the default model");
        }
        ModelCommand::Simulate { campaigns, invites, seed } => {
            let r = ws.simulate_history(*seed, *campaigns, *invites).await?;
            println!(
                "added {} simulated campaigns with {} simulated outcomes ({} posted)",
                r.campaigns, r.outcomes, r.posted
            );
        }
    }
    Ok(0)
}
