//! Scout's desktop shell: the Tauri window, plugins, logging set-up and thin commands over `scout-app`.
//! Nothing worth testing lives here; the UI reaches Rust only through the commands in `commands.rs`.

mod backup_commands;
mod campaign_commands;
#[cfg(test)]
mod command_manifest;
mod commands;
mod error;
mod marketplace_commands;
mod message_commands;
mod message_poll;
mod notifications;
mod outbox_worker;
mod outreach_commands;
mod profile_refresh;
mod release_config;
mod results_commands;
mod running_work;
mod sample_commands;
mod sample_poll;
mod state;
mod update_commands;
mod update_status;
mod updates;

use state::AppState;
use std::path::PathBuf;
use tauri::Manager;

/// The workspace to open: `--workspace PATH` (or `--workspace=PATH`), else `SCOUT_WORKSPACE`, else the
/// per-user default.
/// On Linux the window needs an X11 or Wayland session; without one GTK would panic deep inside. Say so
/// in one line instead, and point to the command line, which needs none.
fn no_display() -> Option<&'static str> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    (cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some(
        "no display found: Scout's window needs a desktop session; the `scout` command works without one",
    )
}

fn workspace_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--workspace" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.strip_prefix("--workspace=") {
            return PathBuf::from(path);
        }
    }
    std::env::var_os("SCOUT_WORKSPACE").map_or_else(scout_app::default_workspace_path, PathBuf::from)
}

/// Runs the app; returns the process exit code.
pub fn run() -> i32 {
    if let Some(problem) = no_display() {
        eprintln!("{problem}");
        return 2;
    }
    let _log = scout_app::init_logging(&scout_app::default_log_dir(), cfg!(debug_assertions));
    let path = workspace_path();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), workspace = %path.display(), "Scout starting");
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(AppState::default())
        .manage(updates::Updates::default())
        .manage(message_poll::MessagePoll::default())
        .manage(sample_poll::SamplePoll::default())
        .setup(move |app| {
            let state = app.state::<AppState>();
            // A workspace that fails to open is reported in the window (with a way to open another),
            // not by refusing to start.
            let _ = tauri::async_runtime::block_on(state.open(&path));
            backup_commands::watch_daily_backup(app.handle().clone());
            profile_refresh::watch_stale_profiles(app.handle().clone());
            notifications::watch_follow_ups(app.handle().clone());
            outbox_worker::OutboxWorker::watch(app.handle().clone());
            message_poll::MessagePoll::watch(app.handle().clone());
            sample_poll::SamplePoll::watch(app.handle().clone());
            updates::Updates::watch(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace_info,
            commands::open_workspace,
            commands::load_demo_workspace,
            commands::list_creators,
            commands::creator_facets,
            commands::export_creators,
            commands::save_creator_by_hand,
            commands::tag_creators,
            commands::hide_creators,
            commands::shortlist_creators,
            commands::get_creator,
            commands::preview_import,
            commands::run_import,
            commands::cancel_import,
            commands::export_rejected_rows,
            commands::save_import_template,
            commands::list_import_batches,
            backup_commands::backup_overview,
            backup_commands::back_up_now,
            backup_commands::set_backup_folder,
            backup_commands::describe_backup,
            backup_commands::verify_backup,
            backup_commands::restore_backup,
            campaign_commands::list_campaigns,
            campaign_commands::get_campaign,
            campaign_commands::create_campaign,
            campaign_commands::update_campaign,
            campaign_commands::archive_campaign,
            campaign_commands::duplicate_campaign,
            campaign_commands::campaign_footprint,
            campaign_commands::delete_campaign,
            campaign_commands::rank_matches,
            campaign_commands::preview_matches,
            campaign_commands::explain_match,
            campaign_commands::explain_preview,
            campaign_commands::get_shortlist,
            campaign_commands::shortlist_add,
            campaign_commands::shortlist_top,
            campaign_commands::shortlist_remove,
            campaign_commands::shortlist_restore,
            campaign_commands::annotate_shortlisted,
            campaign_commands::shortlist_overlap,
            campaign_commands::lookalikes,
            campaign_commands::model_card,
            campaign_commands::train_model,
            campaign_commands::adopt_model,
            outreach_commands::seller_profile,
            outreach_commands::set_seller_profile,
            outreach_commands::email_account,
            outreach_commands::set_email_account,
            outreach_commands::default_offer_template,
            outreach_commands::preview_offers,
            outreach_commands::check_offer_channel,
            outreach_commands::queue_offers,
            outreach_commands::outbox_items,
            outreach_commands::outbox_status,
            outreach_commands::start_outbox,
            outreach_commands::stop_outbox,
            outreach_commands::cancel_offers,
            outreach_commands::confirm_sent_by_hand,
            outreach_commands::requeue_unsent,
            outreach_commands::export_manual_offers,
            outreach_commands::resend_offer,
            outreach_commands::do_not_contact,
            outreach_commands::pipeline_board,
            outreach_commands::move_stage,
            outreach_commands::undo_move,
            outreach_commands::record_reply,
            outreach_commands::record_agreement,
            outreach_commands::record_shipment,
            outreach_commands::record_post,
            outreach_commands::collaboration,
            outreach_commands::timeline,
            outreach_commands::follow_ups,
            outreach_commands::snooze_follow_up,
            outreach_commands::unsnooze_follow_up,
            outreach_commands::follow_up_settings,
            outreach_commands::set_follow_up_settings,
            outreach_commands::tiktok_status,
            outreach_commands::connect_tiktok,
            outreach_commands::disconnect_tiktok,
            outreach_commands::sync_tiktok,
            marketplace_commands::marketplace_budget,
            marketplace_commands::search_marketplace,
            marketplace_commands::collect_marketplace,
            marketplace_commands::cancel_marketplace,
            marketplace_commands::add_marketplace_creators,
            marketplace_commands::enrich_creators,
            marketplace_commands::marketplace_creator,
            marketplace_commands::marketplace_options,
            marketplace_commands::creator_ids_by_open_id,
            sample_commands::sample_board,
            sample_commands::sync_samples,
            sample_commands::sample_sync_status,
            sample_commands::decide_samples,
            sample_commands::sample_decisions,
            sample_commands::sample_posts,
            sample_commands::sample_products,
            sample_commands::set_sample_economics,
            sample_commands::remove_sample_economics,
            sample_commands::sample_rule,
            sample_commands::set_sample_rule,
            sample_commands::backtest_sample_rule,
            sample_commands::turn_sample_rule,
            sample_commands::post_model_card,
            sample_commands::train_post_model,
            sample_commands::adopt_post_model,
            message_commands::inbox_conversations,
            message_commands::conversation_thread,
            message_commands::creator_thread,
            message_commands::mark_conversation_read,
            message_commands::send_reply,
            message_commands::check_messages_now,
            message_commands::message_poll_status,
            message_commands::plan_message_follow_ups,
            message_commands::queue_message_follow_ups,
            message_commands::queue_invitation_cards,
            message_commands::outreach_quota,
            results_commands::results_report,
            results_commands::import_results,
            results_commands::cancel_results_import,
            results_commands::sync_results,
            results_commands::unattributed_orders,
            results_commands::unattributed_groups,
            results_commands::assign_orders,
            results_commands::credit_preview,
            results_commands::credit_orders,
            results_commands::exchange_rates,
            results_commands::save_exchange_rates,
            results_commands::export_results,
            update_commands::update_status,
            update_commands::check_for_updates,
            update_commands::install_update,
            update_commands::restart_after_update,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => 0,
        Err(e) => {
            tracing::error!(error = %e, "Scout stopped with an error");
            eprintln!("Scout could not start: {e}");
            1
        }
    }
}
