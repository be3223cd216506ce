//! `scout tiktok`: connect the shop, show the connection's status, sync collaboration answers,
//! disconnect; `scout tiktok creators` is the creator marketplace (`marketplace`).

use crate::cli_outreach::TiktokCommand;
use crate::output::print_json;
use scout_app::{AppError, TiktokConnection, Workspace};

pub async fn run(ws: &Workspace, cmd: &TiktokCommand) -> Result<u8, AppError> {
    match cmd {
        TiktokCommand::Connect {
            app_key,
            shop_cipher,
            api_base,
            auth_base,
            auth_code,
            app_secret_stdin,
            shop_name,
            interval_ms,
        } => {
            if !*app_secret_stdin {
                return Err(AppError::InvalidInput(
                    "pass --app-secret-stdin and give the app secret on standard input (it never goes on \
                     the command line)"
                        .into(),
                ));
            }
            let defaults = TiktokConnection::new(app_key.clone(), shop_cipher.clone());
            let connection = TiktokConnection {
                api_base: api_base.clone().unwrap_or(defaults.api_base.clone()),
                auth_base: auth_base.clone().unwrap_or(defaults.auth_base.clone()),
                shop_name: shop_name.clone(),
                interval_ms: *interval_ms,
                ..defaults
            };
            let secret = crate::outreach::read_password()?;
            let status = ws.connect_tiktok(&connection, secret, auth_code).await?;
            println!("connected; the app secret and tokens are saved in the system keychain");
            print_status(&status);
            Ok(0)
        }
        TiktokCommand::Status { json } => {
            let status = ws.tiktok_status().await?;
            if *json {
                return print_json(&status).map(|_| 0);
            }
            print_status(&status);
            Ok(0)
        }
        TiktokCommand::Sync { json } => {
            let r = ws.sync_tiktok_collaborations().await?;
            if *json {
                return print_json(&r).map(|_| 0);
            }
            println!(
                "read {} collaborations: moved {}, unchanged {}, skipped {}, errors {}",
                r.collaborations,
                r.moved,
                r.unchanged,
                r.skipped.len(),
                r.errors.len()
            );
            for line in r.skipped.iter().chain(&r.errors) {
                println!("  {line}");
            }
            Ok(if r.errors.is_empty() { 0 } else { 1 })
        }
        TiktokCommand::Creators { cmd } => crate::marketplace::run(ws, cmd, false).await,
        TiktokCommand::Disconnect => {
            ws.disconnect_tiktok().await?;
            println!("disconnected; the app secret and tokens are removed from the keychain");
            Ok(0)
        }
    }
}

fn print_status(s: &scout_app::TiktokStatus) {
    let shop = s.connection.as_ref().map_or("—".to_string(), |c| {
        format!(
            "{} (app {}, shop {})",
            c.shop_name.as_deref().unwrap_or("TikTok Shop"),
            c.app_key,
            c.shop_cipher
        )
    });
    println!("{}: {shop}", if s.connected { "connected" } else { "not connected" });
    if let Some(at) = s.access_expires_at {
        println!("access token until {}", at.format("%Y-%m-%d %H:%M UTC"));
    }
    if let Some(at) = s.refresh_expires_at {
        println!("connect again before {}", at.format("%Y-%m-%d %H:%M UTC"));
    }
    if let Some(q) = &s.quota {
        println!("outreach quota: {}", q.describe());
    }
    if let Some(p) = &s.problem {
        println!("problem: {p}");
    }
}
