//! Which column feeds which field. A mapping is suggested from the headers and then corrected by the
//! seller in the mapping screen; several columns may feed one field (the real third-party list repeats
//! four headers: "29.2M" then 29200000), and the row builder reconciles them.

use crate::fields::Field;
use crate::{IngestError, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `columns[i]` is the field column `i` feeds, or `None` to ignore the column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnMapping {
    pub columns: Vec<Option<Field>>,
}

/// Suggests a field for every header from its spelling; headers that match nothing stay unmapped. A
/// "<platform> name" column ("Instagram name", "Channel name") is the display name beside a handle
/// column, and becomes the handle when no column is one (third-party lists name the account that way).
pub fn suggest_mapping(headers: &[String]) -> ColumnMapping {
    let mut columns: Vec<Option<Field>> = headers.iter().map(|h| Field::from_header(h)).collect();
    if !columns.contains(&Some(Field::Handle)) {
        if let Some(i) = headers.iter().position(|h| Field::is_platform_name(h)) {
            columns[i] = Some(Field::Handle);
        }
    }
    ColumnMapping { columns }
}

impl ColumnMapping {
    /// The columns that feed `field`, in file order.
    pub fn columns_for(&self, field: Field) -> Vec<usize> {
        self.columns.iter().enumerate().filter(|(_, f)| **f == Some(field)).map(|(i, _)| i).collect()
    }

    /// Required fields no column feeds.
    pub fn missing_required(&self) -> Vec<Field> {
        Field::ALL.into_iter().filter(|f| f.is_required() && !self.columns.contains(&Some(*f))).collect()
    }

    /// The names of the columns that feed nothing; a column without a header is named by its position.
    pub fn unmapped_columns(&self, headers: &[String]) -> Vec<String> {
        headers
            .iter()
            .enumerate()
            .filter(|(i, _)| self.columns.get(*i).copied().flatten().is_none())
            .map(|(i, h)| column_name(headers, i).unwrap_or_else(|| h.clone()))
            .collect()
    }

    /// Checks the mapping fits the header it is used with.
    pub(crate) fn check_fits(&self, headers: &[String], file: &str) -> Result<()> {
        if self.columns.len() == headers.len() {
            Ok(())
        } else {
            Err(IngestError::MappingMismatch {
                file: file.to_string(),
                mapping_columns: self.columns.len(),
                header_columns: headers.len(),
            })
        }
    }

    /// Checks every required field is fed by some column.
    pub(crate) fn check_required(&self, file: &str) -> Result<()> {
        let missing = self.missing_required();
        if missing.is_empty() {
            return Ok(());
        }
        let fields = missing.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
        Err(IngestError::MissingRequired { file: file.to_string(), fields })
    }
}

/// How messages name column `i`: its header, or "column N" (1-based) when the header is blank.
/// `None` when the header is not blank (the caller uses the header itself, without a copy).
fn column_name(headers: &[String], i: usize) -> Option<String> {
    match headers.get(i) {
        Some(h) if !h.trim().is_empty() => None,
        _ => Some(format!("column {}", i + 1)),
    }
}

/// The name messages use for column `i`.
pub(crate) fn display_column(headers: &[String], i: usize) -> String {
    column_name(headers, i).unwrap_or_else(|| headers[i].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn suggests_the_real_files_mapping() {
        let hs = headers(&[
            "Rank",
            "Tiktoker name",
            "Tiktok name",
            "followers",
            "views(avg)",
            "views(avg)",
            "likes(avg.)",
            "likes(avg.)",
            "comments(avg.)",
            "comments(avg.)",
            "shares(avg.)",
            "shares(avg.)",
        ]);
        let m = suggest_mapping(&hs);
        assert_eq!(m.columns[0], None, "Rank feeds nothing");
        assert_eq!(m.columns[1], Some(Field::Handle), "Tiktoker name is the handle");
        assert_eq!(m.columns[2], Some(Field::DisplayName), "Tiktok name is the display name");
        assert_eq!(m.columns_for(Field::AvgViews), vec![4, 5], "both views columns feed avg views");
        assert!(m.missing_required().is_empty(), "the handle is mapped");
        assert_eq!(m.unmapped_columns(&hs), vec!["Rank".to_string()], "only Rank is unmapped");
    }

    #[test]
    fn a_platform_name_column_is_the_handle_only_when_no_column_is_one() {
        let ig = suggest_mapping(&headers(&["Rank", "Instagram name", "Name", "Category_1", "Category_2"]));
        assert_eq!(ig.columns[1], Some(Field::Handle), "'Instagram name' names the account");
        assert_eq!(ig.columns[2], Some(Field::DisplayName), "'Name' beside it is the display name");
        assert_eq!(ig.columns_for(Field::Categories), vec![3, 4], "both numbered categories feed one field");
        let tt = suggest_mapping(&headers(&["Tiktoker name", "Tiktok name"]));
        assert_eq!(tt.columns, vec![Some(Field::Handle), Some(Field::DisplayName)], "a handle column wins");
        let yt = suggest_mapping(&headers(&["Channel name", "Subscribers"]));
        assert_eq!(yt.columns[0], Some(Field::Handle));
        let influencer = suggest_mapping(&headers(&["Influencer insta name", "instagram name"]));
        assert_eq!(influencer.columns_for(Field::Handle), vec![0], "one handle: the first such column");
    }

    #[test]
    fn reports_a_missing_handle_and_names_blank_headers() {
        let hs = headers(&["name", "", "followers"]);
        let m = suggest_mapping(&hs);
        assert_eq!(m.missing_required(), vec![Field::Handle], "no handle column");
        assert_eq!(
            m.unmapped_columns(&hs),
            vec!["column 2".to_string()],
            "a blank header is named by position"
        );
        let err = m.check_required("list.csv").unwrap_err().to_string();
        assert!(err.contains("list.csv") && err.contains("Handle"), "the error names file and field: {err}");
        let short = ColumnMapping { columns: vec![None] };
        assert!(short.check_fits(&hs, "list.csv").is_err(), "a mapping of another width is refused");
    }
}
