//! Scout's synthetic creators: a seeded, streaming generator of realistic creator records — follower
//! tiers, engagement, sales, audience mix, names in many scripts — consistent with the figures in
//! domain.md, written in Scout's own CSV import template. It makes the demo files under `fixtures/demo`,
//! test data for the importer and the matcher, and benchmark data at any size from a hundred to a
//! million rows without holding them in memory. The same seed always gives the same bytes, and every
//! creator is labelled synthetic in its bio. It writes the import template owned by `scout-ingest`; it does no importing.
//! Test and benchmark data only: nothing here ships in the app. The synthetic world it draws from
//! (markets, names, handles, categories, bios) and the runtime demo's histories and results exports are
//! `scout-demo`.

mod audience;
pub mod demo;
mod figures;
mod generator;
mod snapshot;
mod template;

pub use generator::{CreatorGenerator, GeneratorConfig};
pub use scout_ingest::template::{format_money, format_percent, CSV_HEADERS, LIST_SEPARATOR};
pub use snapshot::{update_records, write_update_csv, UpdateConfig};
pub use template::{write_csv, write_records};

/// The product categories the generator tags creators with, in the template's spelling.
pub fn category_names() -> impl Iterator<Item = &'static str> {
    scout_demo::catalog::CATEGORIES.iter().map(|c| c.name)
}
