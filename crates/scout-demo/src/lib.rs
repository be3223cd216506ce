//! The synthetic world behind Scout's demo workspace and "simulate history", the part of the synthetic
//! data that ships inside the app: seeded campaign histories drawn from known effects (`history`, so
//! the model card has outcomes to learn from) and results exports (`orders`: affiliate order lines and
//! video results from simulated collaborations, as Seller Center and Affiliate Center write them in
//! English, Spanish or Indonesian), with the vocabulary they draw from — markets, names in many scripts,
//! handles, product categories, bios ending in [`SYNTHETIC_LABEL`], and the seeded draws.
//!
//! The same seed always gives the same bytes. Test and benchmark data (creator lists of any size in
//! Scout's import template) is `scout-fixtures`, which builds on this crate and never ships.

pub mod bios;
pub mod catalog;
pub mod draw;
mod error;
pub mod handles;
pub mod history;
pub mod markets;
pub mod names;
pub mod orders;

pub use bios::SYNTHETIC_LABEL;
pub use error::{DemoError, Result};
