//! Creators: importing lists (preview, mapping, the streamed import) and exporting them again.

mod export;
mod import;

pub use import::{FieldOption, ImportPreview, ImportRequest, MappingSource};
