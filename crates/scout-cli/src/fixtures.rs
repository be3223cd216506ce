//! `scout fixtures`: synthetic creator lists and results exports (orders, videos), written to a file or
//! stdout. The results exports stream, so `orders --rows 1000000` is the benchmark input too.

use crate::cli::{ExportFormatArg, ExportLanguageArg, FixturesCommand, ResultsExportArgs};
use scout_app::AppError;
use scout_demo::orders::{
    simulate_orders, simulate_videos, synthetic_collaborations, write_orders_csv, write_orders_xlsx,
    write_videos_csv, write_videos_xlsx, CollaborationSeed, CollaborationsConfig, ExportLanguage,
    OrderConfig, XLSX_MAX_ROWS,
};
use scout_demo::DemoError;
use scout_fixtures::GeneratorConfig;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

/// Standalone collaborations start over this many days before the export's date.
const SPAN_DAYS: u32 = 180;

pub fn run(cmd: &FixturesCommand) -> Result<u8, AppError> {
    match cmd {
        FixturesCommand::Creators { count, seed, out } => {
            let cfg = GeneratorConfig { seed: *seed, count: *count, as_of: chrono::Utc::now().date_naive() };
            let written = match out {
                Some(path) => write(&cfg, BufWriter::new(create(path)?))?,
                None => write(&cfg, BufWriter::new(std::io::stdout().lock()))?,
            };
            if let Some(path) = out {
                eprintln!("wrote {written} synthetic creators to {}", path.display());
            }
            Ok(0)
        }
        FixturesCommand::Orders { rows, export, collaborations, organic_share } => {
            let format = format_of(export);
            if format == ExportFormatArg::Xlsx && *rows > XLSX_MAX_ROWS {
                return Err(AppError::InvalidInput(format!(
                    "{rows} lines do not fit in one XLSX sheet (at most {XLSX_MAX_ROWS}); write CSV"
                )));
            }
            let count = collaborations.unwrap_or_else(|| (rows / 50).clamp(4, 100_000) as usize);
            let (lang, seeds, cfg) = standalone(export, count, *organic_share, Some(*rows))?;
            let lines = simulate_orders(&seeds, &cfg).map_err(fixture_error)?;
            let start = Instant::now();
            let written = match format {
                ExportFormatArg::Csv => write_orders_csv(lines, lang, create(&export.out)?),
                ExportFormatArg::Xlsx => write_orders_xlsx(lines, lang, &export.out),
            }
            .map_err(fixture_error)?;
            let seconds = start.elapsed().as_secs_f64();
            eprintln!(
                "wrote {written} synthetic order lines from {count} collaborations to {} in {seconds:.2} s ({:.0} lines/s)",
                export.out.display(),
                written as f64 / seconds.max(1e-9)
            );
            Ok(0)
        }
        FixturesCommand::Videos { collaborations, export } => {
            let (lang, seeds, cfg) = standalone(export, *collaborations, 0.15, None)?;
            let videos = simulate_videos(&seeds, &cfg).map_err(fixture_error)?;
            let written = match format_of(export) {
                ExportFormatArg::Csv => write_videos_csv(videos, lang, create(&export.out)?),
                ExportFormatArg::Xlsx => write_videos_xlsx(videos, lang, &export.out),
            }
            .map_err(fixture_error)?;
            eprintln!(
                "wrote {written} synthetic videos (of {collaborations} collaborations) to {}",
                export.out.display()
            );
            Ok(0)
        }
    }
}

/// `count` standalone synthetic collaborations in the language's usual currencies, and the run's config.
fn standalone(
    export: &ResultsExportArgs,
    count: usize,
    organic_share: f64,
    rows: Option<u64>,
) -> Result<(ExportLanguage, Vec<CollaborationSeed>, OrderConfig), AppError> {
    let lang = match export.language {
        ExportLanguageArg::En => ExportLanguage::English,
        ExportLanguageArg::Es => ExportLanguage::Spanish,
        ExportLanguageArg::Id => ExportLanguage::Indonesian,
    };
    let until = export.until.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let seeds = synthetic_collaborations(&CollaborationsConfig {
        seed: export.seed,
        count,
        until,
        span_days: SPAN_DAYS,
        currencies: lang.typical_currencies(),
    })
    .map_err(fixture_error)?;
    Ok((lang, seeds, OrderConfig { seed: export.seed, until, organic_share, rows }))
}

fn format_of(export: &ResultsExportArgs) -> ExportFormatArg {
    export.format.unwrap_or_else(|| {
        let xlsx = export.out.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if xlsx {
            ExportFormatArg::Xlsx
        } else {
            ExportFormatArg::Csv
        }
    })
}

fn create(path: &Path) -> Result<std::fs::File, AppError> {
    std::fs::File::create(path).map_err(|source| AppError::Io {
        action: "create",
        path: path.to_path_buf(),
        source,
    })
}

fn fixture_error(e: DemoError) -> AppError {
    match e {
        DemoError::InvalidOrderConfig { .. } | DemoError::InvalidSeed { .. } => {
            AppError::InvalidInput(e.to_string())
        }
        DemoError::Io { path, source } => AppError::Io { action: "write", path, source },
        DemoError::Xlsx { path, source } => AppError::Export { path, message: source.to_string() },
        other => AppError::Internal(format!("generator: {other}")),
    }
}

fn write(cfg: &GeneratorConfig, mut out: impl Write) -> Result<u64, AppError> {
    let n = scout_fixtures::write_csv(cfg, &mut out)
        .map_err(|e| AppError::Internal(format!("generator: {e}")))?;
    out.flush().map_err(|source| AppError::Io { action: "write", path: "output".into(), source })?;
    Ok(n)
}
