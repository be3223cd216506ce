use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

/// One field of a form and what is wrong with it, so a form can show every problem beside its field at
/// once (`field` is the dotted name the form knows it by: "email.host", "seller.name").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldProblem {
        FieldProblem { field: field.into(), message: message.into() }
    }
}

/// Why a value was refused by a domain rule. Messages say what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("handle '{0}' is not a valid handle (expected letters, digits, '_' or '.', no spaces)")]
    InvalidHandle(String),
    #[error("platform '{0}' is unknown (expected tiktok, instagram or youtube)")]
    UnknownPlatform(String),
    #[error("currency '{0}' is not a three-letter ISO 4217 code")]
    InvalidCurrency(String),
    #[error("country '{0}' is not a two-letter ISO 3166 code")]
    InvalidCountry(String),
    #[error("age band '{0}' is unknown (expected 13-17, 18-24, 25-34, 35-44, 45-54 or 55+)")]
    UnknownAgeBand(String),
    #[error("{what} shares add up to {total_bp} basis points; expected 10000 (100 %) give or take 1 %")]
    SharesDoNotSum { what: &'static str, total_bp: u32 },
    #[error("{what} share {value_bp} basis points is above 100 %")]
    ShareAbove100 { what: &'static str, value_bp: u32 },
    #[error("offer field '{field}' {problem}")]
    InvalidOffer { field: &'static str, problem: String },
    #[error("field '{field}' {problem}")]
    InvalidRecord { field: &'static str, problem: String },
    #[error("a creator cannot move from {from} to {to}")]
    InvalidTransition { from: &'static str, to: &'static str },
    #[error("campaign field '{field}' {problem}")]
    InvalidCampaign { field: &'static str, problem: String },
}

pub type Result<T> = std::result::Result<T, DomainError>;
