use thiserror::Error;

#[derive(Debug, Error)]
pub enum MatchError {
    #[error("model file: {0}")]
    ModelFile(String),
    #[error("creator {0} was added to the match index twice")]
    DuplicateCreator(i64),
    #[error("training needs at least {needed} outcomes with both results present; found {found}")]
    TooFewOutcomes { needed: usize, found: usize },
    #[error("training needs both successful and unsuccessful outcomes; all {0} are the same")]
    OneClass(usize),
    #[error("training parameter {name}: {problem}")]
    Param { name: &'static str, problem: String },
    /// A setting of the sample approval rule out of range, named.
    #[error("{field}: {problem}")]
    Rule { field: &'static str, problem: String },
    #[error("training failed: {0}")]
    Fit(String),
}

pub type Result<T> = std::result::Result<T, MatchError>;
