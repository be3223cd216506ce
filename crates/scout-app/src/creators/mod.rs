//! Creators: importing lists (preview, mapping, the streamed import), exporting them again, and acting
//! on many at once (tag, hide, shortlist: `marks`).

mod by_hand;
mod export;
mod import;
mod marks;
mod records_import;

pub use by_hand::{check_entry, HandEntry, HAND_SOURCE};
pub use export::write_import_template;
pub use import::{FieldOption, ImportPreview, ImportRequest, MappingSource};
pub use marks::{MAX_SHORTLIST_SELECTION, MAX_TAG_CHARS};
pub(crate) use records_import::Entry;
