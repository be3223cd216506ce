//! Creators: importing lists (preview, mapping, the streamed import) and exporting them again.

mod export;
mod import;

pub use export::write_import_template;
pub use import::{FieldOption, ImportPreview, ImportRequest, MappingSource};
