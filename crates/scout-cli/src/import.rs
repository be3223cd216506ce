use crate::cli::{ImportArgs, PreviewArgs};
use crate::output::{import_exit_code, import_progress, print_json, print_report};
use indicatif::ProgressBar;
use scout_app::{AppError, ColumnMapping, Field, ImportRequest, Workspace};
use std::path::Path;

/// Applies `COLUMN=FIELD` overrides to the suggested mapping.
async fn mapping_with(
    ws: &Workspace,
    file: &Path,
    overrides: &[String],
) -> Result<Option<ColumnMapping>, AppError> {
    if overrides.is_empty() {
        return Ok(None);
    }
    let preview = ws.preview_import(file.to_path_buf(), None).await?.preview;
    let mut mapping = preview.mapping;
    for o in overrides {
        let (column, field) = o
            .split_once('=')
            .ok_or_else(|| AppError::InvalidInput(format!("--map '{o}': expected COLUMN=FIELD")))?;
        let index =
            preview.headers.iter().position(|h| h.trim().eq_ignore_ascii_case(column.trim())).ok_or_else(
                || {
                    AppError::InvalidInput(format!(
                        "--map '{o}': {} has no column '{column}' (columns: {})",
                        file.display(),
                        preview.headers.join(", ")
                    ))
                },
            )?;
        let field = match field.trim() {
            "" => None,
            name => {
                Some(serde_json::from_value::<Field>(serde_json::Value::String(name.to_string())).map_err(
                    |_| {
                        let names: Vec<String> = Field::ALL
                            .iter()
                            .filter_map(|f| {
                                serde_json::to_value(f).ok().and_then(|v| v.as_str().map(String::from))
                            })
                            .collect();
                        AppError::InvalidInput(format!(
                            "--map '{o}': unknown field '{name}' (fields: {})",
                            names.join(", ")
                        ))
                    },
                )?)
            }
        };
        if let Some(slot) = mapping.columns.get_mut(index) {
            *slot = field;
        }
    }
    Ok(Some(mapping))
}

pub async fn import(ws: &Workspace, args: &ImportArgs, quiet: bool) -> Result<u8, AppError> {
    let mut request = ImportRequest::file(args.file.clone());
    request.mapping = mapping_with(ws, &args.file, &args.map).await?;
    request.as_of = args.as_of;
    request.platform = args
        .platform
        .as_deref()
        .map(scout_domain::Platform::parse)
        .transpose()
        .map_err(|e| AppError::InvalidInput(format!("--platform: {e}")))?;
    let (bar, cancel, on_progress) = import_progress(quiet || args.json);
    let report = ws.import_file(request, on_progress, cancel).await;
    bar.finish_and_clear();
    let report = report?;
    if args.json {
        print_json(&report)?;
    } else {
        print_report(&report, "line");
    }
    // The rows are stored and the report is out; the sort indexes a large import deferred are built
    // before the command ends, so the next `scout list` does not pay for them.
    let spinner = if quiet || args.json { ProgressBar::hidden() } else { ProgressBar::new_spinner() };
    spinner.set_message("building the list's sort indexes…");
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let finished = ws.finish_deferred().await;
    spinner.finish_and_clear();
    finished?;
    Ok(import_exit_code(&report))
}

pub async fn preview(ws: &Workspace, args: &PreviewArgs) -> Result<u8, AppError> {
    let mapping = mapping_with(ws, &args.file, &args.map).await?;
    let full = ws.preview_import(args.file.clone(), mapping).await?;
    if args.json {
        print_json(&full)?;
        return Ok(0);
    }
    let p = &full.preview;
    let s = &p.source;
    println!(
        "{}: {:?}, {}, delimiter {:?}, ~{} rows",
        s.file_name, s.format, s.encoding, s.delimiter, p.row_estimate
    );
    for (i, header) in p.headers.iter().enumerate() {
        let field = p.mapping.columns.get(i).copied().flatten().map_or("(ignored)", |f| f.label());
        let sample = p.sample_rows.first().and_then(|r| r.get(i)).map_or("", String::as_str);
        println!("  {:>2}. {header:<28} → {field:<24} e.g. {sample}", i + 1);
    }
    match (&p.platform.platform, p.platform.conflict) {
        (Some(platform), _) => println!("platform: {platform} (from {})", p.platform.evidence.join(", ")),
        (None, true) => println!(
            "platform: unclear — the file names more than one ({}); import with --platform",
            p.platform.evidence.join(", ")
        ),
        (None, false) => {
            println!("platform: nothing in the file says; tiktok unless --platform says otherwise")
        }
    }
    if !p.missing_required.is_empty() {
        let names: Vec<&str> = p.missing_required.iter().map(|f| f.label()).collect();
        println!("missing required: {} (use --map \"COLUMN=handle\")", names.join(", "));
    }
    if let Some(b) = full.already_imported_batch {
        println!("this file was already imported (batch {b}); importing it again changes nothing");
    }
    Ok(0)
}

pub async fn batches(ws: &Workspace, json: bool) -> Result<u8, AppError> {
    let batches = ws.import_batches().await?;
    if json {
        print_json(&batches)?;
        return Ok(0);
    }
    println!(
        "{:>5}  {:<19}  {:<32}  {:>8} {:>8} {:>8} {:>9} {:>7} {:>8}",
        "batch", "imported", "source", "rows", "created", "updated", "unchanged", "merged", "rejected"
    );
    for b in batches {
        let c = b.counts;
        println!(
            "{:>5}  {:<19}  {:<32}  {:>8} {:>8} {:>8} {:>9} {:>7} {:>8}",
            b.id,
            b.started_at.format("%Y-%m-%d %H:%M:%S"),
            crate::output::clip(&b.source_name, 32),
            c.rows_total,
            c.created,
            c.updated,
            c.unchanged,
            c.merged,
            c.rejected
        );
    }
    Ok(0)
}
