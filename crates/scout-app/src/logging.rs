use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter};

/// Keeps the log writer alive; logs are flushed when it is dropped.
#[derive(Debug)]
pub struct LogGuard(#[allow(dead_code)] Option<WorkerGuard>);

/// Logs to a daily-rolling file `scout.log.YYYY-MM-DD` in `log_dir` (kept 14 days) and, when `to_stderr`,
/// to standard error. `RUST_LOG` overrides the default level (info). Never log secrets or message bodies.
/// When the log folder cannot be created, logging goes to stderr only and says so.
pub fn init_logging(log_dir: &Path, to_stderr: bool) -> LogGuard {
    // The appender prunes old files by listing the folder, so the folder must exist first.
    let _ = std::fs::create_dir_all(log_dir);
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("scout.log")
        .max_log_files(14)
        .build(log_dir);
    let stderr_layer = to_stderr.then(|| fmt::layer().with_writer(std::io::stderr).with_target(false));
    match appender {
        Ok(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let file_layer = fmt::layer().with_writer(writer).with_ansi(false);
            let _ =
                tracing_subscriber::registry().with(filter()).with(file_layer).with(stderr_layer).try_init();
            LogGuard(Some(guard))
        }
        Err(e) => {
            let _ = tracing_subscriber::registry()
                .with(filter())
                .with(fmt::layer().with_writer(std::io::stderr))
                .try_init();
            tracing::warn!(dir = %log_dir.display(), error = %e, "cannot write log files; logging to stderr only");
            LogGuard(None)
        }
    }
}
