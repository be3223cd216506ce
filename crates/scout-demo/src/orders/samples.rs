//! The small results samples committed under `fixtures/results/`, and the one place that says how they
//! are made, so a test can check the committed files never drift from the generator.

use super::{
    simulate_orders, simulate_videos, synthetic_collaborations, write_orders_csv, write_orders_xlsx,
    write_videos_xlsx, CollaborationSeed, CollaborationsConfig, ExportLanguage, OrderConfig,
};
use crate::error::{DemoError, Result};
use chrono::NaiveDate;
use std::path::Path;

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// Every sample is exported on 15 November 2026, with collaborations started over the 120 days before.
pub const UNTIL: NaiveDate = date(2026, 11, 15);

/// What a sample file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleKind {
    OrdersCsv,
    OrdersXlsx,
    VideosXlsx,
}

/// One committed sample: its file name, the collaborations and run it comes from, its language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResultsSample {
    pub file: &'static str,
    pub kind: SampleKind,
    pub language: ExportLanguage,
    pub collaborations: CollaborationsConfig,
    pub orders: OrderConfig,
}

const fn collaborations(
    seed: u64,
    count: usize,
    currencies: &'static [(&'static str, u32)],
) -> CollaborationsConfig {
    CollaborationsConfig { seed, count, until: UNTIL, span_days: 120, currencies }
}

const fn orders(seed: u64, rows: u64) -> OrderConfig {
    OrderConfig { seed, until: UNTIL, organic_share: 0.15, rows: Some(rows) }
}

const ENGLISH_SHOP: CollaborationsConfig = collaborations(2026, 14, &[("USD", 60), ("GBP", 25), ("JPY", 15)]);
const ENGLISH_RUN: OrderConfig = orders(2026, 300);

pub const SAMPLES: [ResultsSample; 4] = [
    ResultsSample {
        file: "orders_en.csv",
        kind: SampleKind::OrdersCsv,
        language: ExportLanguage::English,
        collaborations: ENGLISH_SHOP,
        orders: ENGLISH_RUN,
    },
    ResultsSample {
        file: "orders_es.xlsx",
        kind: SampleKind::OrdersXlsx,
        language: ExportLanguage::Spanish,
        collaborations: collaborations(34, 10, &[("EUR", 60), ("MXN", 40)]),
        orders: orders(34, 200),
    },
    ResultsSample {
        file: "orders_id.csv",
        kind: SampleKind::OrdersCsv,
        language: ExportLanguage::Indonesian,
        collaborations: collaborations(62, 12, &[("IDR", 100)]),
        orders: orders(62, 300),
    },
    ResultsSample {
        file: "videos_en.xlsx",
        kind: SampleKind::VideosXlsx,
        language: ExportLanguage::English,
        collaborations: ENGLISH_SHOP,
        orders: ENGLISH_RUN,
    },
];

impl ResultsSample {
    pub fn seeds(&self) -> Result<Vec<CollaborationSeed>> {
        synthetic_collaborations(&self.collaborations)
    }

    /// The bytes of a CSV sample; `None` for an XLSX one.
    pub fn csv_bytes(&self) -> Result<Option<Vec<u8>>> {
        if self.kind != SampleKind::OrdersCsv {
            return Ok(None);
        }
        let mut out = Vec::new();
        write_orders_csv(simulate_orders(&self.seeds()?, &self.orders)?, self.language, &mut out)?;
        Ok(Some(out))
    }

    /// (Re)writes the sample as `dir/file`; returns the rows written.
    pub fn write(&self, dir: &Path) -> Result<u64> {
        let path = dir.join(self.file);
        let seeds = self.seeds()?;
        match self.kind {
            SampleKind::OrdersCsv => {
                let file = std::fs::File::create(&path)
                    .map_err(|source| DemoError::Io { path: path.clone(), source })?;
                write_orders_csv(simulate_orders(&seeds, &self.orders)?, self.language, file)
            }
            SampleKind::OrdersXlsx => {
                write_orders_xlsx(simulate_orders(&seeds, &self.orders)?, self.language, &path)
            }
            SampleKind::VideosXlsx => {
                write_videos_xlsx(simulate_videos(&seeds, &self.orders)?, self.language, &path)
            }
        }
    }
}

/// (Re)writes every sample into `dir` (the repository's `fixtures/results`).
pub fn write_results_samples(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| DemoError::Io { path: dir.to_path_buf(), source })?;
    for sample in &SAMPLES {
        sample.write(dir)?;
    }
    Ok(())
}
