//! Rewrites the committed demo files: `cargo run -p scout-fixtures --example write_demo`.
//! Run it after changing the generator on purpose; the `demo_files_match_the_generator` test fails until you do.

use std::path::Path;

fn main() -> scout_fixtures::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/demo");
    scout_fixtures::demo::write_demo_files(&dir)?;
    println!(
        "wrote {} and {} in {}",
        scout_fixtures::demo::DEMO_FILE,
        scout_fixtures::demo::UPDATE_FILE,
        dir.display()
    );
    Ok(())
}
