use crate::cli::FixturesCommand;
use scout_app::AppError;
use scout_fixtures::GeneratorConfig;
use std::io::{BufWriter, Write};

pub fn run(cmd: &FixturesCommand) -> Result<u8, AppError> {
    match cmd {
        FixturesCommand::Creators { count, seed, out } => {
            let cfg = GeneratorConfig { seed: *seed, count: *count, as_of: chrono::Utc::now().date_naive() };
            let written = match out {
                Some(path) => {
                    let file = std::fs::File::create(path).map_err(|source| AppError::Io {
                        action: "create",
                        path: path.clone(),
                        source,
                    })?;
                    write(&cfg, BufWriter::new(file))?
                }
                None => write(&cfg, BufWriter::new(std::io::stdout().lock()))?,
            };
            if let Some(path) = out {
                eprintln!("wrote {written} synthetic creators to {}", path.display());
            }
            Ok(0)
        }
    }
}

fn write(cfg: &GeneratorConfig, mut out: impl Write) -> Result<u64, AppError> {
    let n = scout_fixtures::write_csv(cfg, &mut out)
        .map_err(|e| AppError::Internal(format!("generator: {e}")))?;
    out.flush().map_err(|source| AppError::Io { action: "write", path: "output".into(), source })?;
    Ok(n)
}
