//! Rewrites the committed demo and results files: `cargo run -p scout-fixtures --example write_demo`.
//! Run it after changing a generator on purpose; the drift tests (`demo_files_match_the_generator`,
//! `results_samples_match_the_generator`) fail until you do.

use std::path::Path;

fn main() -> scout_demo::Result<()> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let dir = fixtures.join("demo");
    scout_fixtures::demo::write_demo_files(&dir)?;
    println!(
        "wrote {} and {} in {}",
        scout_fixtures::demo::DEMO_FILE,
        scout_fixtures::demo::UPDATE_FILE,
        dir.display()
    );
    let dir = fixtures.join("results");
    scout_demo::orders::samples::write_results_samples(&dir)?;
    for sample in &scout_demo::orders::samples::SAMPLES {
        println!("wrote {} in {}", sample.file, dir.display());
    }
    Ok(())
}
