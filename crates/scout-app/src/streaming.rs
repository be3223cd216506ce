//! The streamed, all-or-nothing import every importer plugs into (creator lists, order and video
//! exports, next the TikTok Shop marketplace). A file's rows are read on a blocking thread and handed
//! over in chunks through a bounded channel, so reading and writing overlap on two cores and memory stays
//! flat; the writer stores each chunk inside the one transaction the importer opened. Cancelling or any
//! failure part-way rolls that transaction back, so the workspace is exactly as it was.

use crate::{AppError, Result};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// Rows handed from the reader to the writer at a time.
const CHUNK_ROWS: usize = 2_000;
/// Chunks read ahead of the writer.
const CHUNKS_AHEAD: usize = 4;
/// At most this often the caller hears how far the import is.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Cancels a running import from another task or thread.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    pub fn reset(&self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    #[ts(type = "number")]
    pub rows_done: u64,
    #[ts(type = "number")]
    pub bytes_done: u64,
    #[ts(type = "number")]
    pub bytes_total: u64,
}

/// What the reader hands the writer: a chunk of rows and the raw bytes read so far, or the error that
/// ends the import.
type Chunk<Row> = Result<(Vec<Row>, u64)>;

/// A file's rows as a reader gives them, on the reader's thread.
pub(crate) trait RowStream: Send + 'static {
    type Row: Send + 'static;
    /// What the reader says once it has read to the end (e.g. how it read dates).
    type Summary: Send + 'static;
    /// The next row; `None` at the end; an `Err` ends the import.
    fn next_row(&mut self) -> Option<Result<Self::Row>>;
    /// Raw bytes read so far, for the progress bar.
    fn bytes_read(&self) -> u64;
    fn summary(&self) -> Self::Summary;
}

/// Where the rows go: one importer's open transaction and its running counts.
pub(crate) trait ChunkWriter<Row>: Sized {
    /// Stores one chunk (and its rows' issues) inside the transaction.
    async fn write(&mut self, rows: Vec<Row>) -> Result<()>;
    /// Rows counted so far.
    fn rows_done(&self) -> u64;
    /// Undoes everything written.
    async fn rollback(self) -> Result<()>;
}

/// Streams every row from `open`'s reader into `writer`. On success the writer comes back, its
/// transaction still open, for the importer to commit with its counts; on cancelling (`Err(Cancelled)`)
/// or any failure the transaction is rolled back first.
pub(crate) async fn stream_rows<S: RowStream, W: ChunkWriter<S::Row>>(
    open: impl FnOnce() -> Result<S> + Send + 'static,
    mut writer: W,
    bytes_total: u64,
    progress: &(impl Fn(ImportProgress) + Send),
    cancel: &CancelToken,
) -> Result<(W, Option<S::Summary>)> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Chunk<S::Row>>(CHUNKS_AHEAD);
    let reader_cancel = cancel.clone();
    let reader = tokio::task::spawn_blocking(move || read_chunks(open, &tx, &reader_cancel));
    let mut last_progress = Instant::now();
    let written: Result<()> = async {
        while let Some(chunk) = rx.recv().await {
            if cancel.is_cancelled() {
                return Err(AppError::Cancelled);
            }
            let (rows, bytes_done) = chunk?;
            writer.write(rows).await?;
            if last_progress.elapsed() >= PROGRESS_EVERY {
                progress(ImportProgress { rows_done: writer.rows_done(), bytes_done, bytes_total });
                last_progress = Instant::now();
            }
        }
        if cancel.is_cancelled() {
            return Err(AppError::Cancelled);
        }
        Ok(())
    }
    .await;
    drop(rx);
    let summary = reader.await.map_err(|e| AppError::Internal(format!("file reader stopped: {e}")));
    match written.and(summary) {
        Ok(summary) => {
            progress(ImportProgress { rows_done: writer.rows_done(), bytes_done: bytes_total, bytes_total });
            Ok((writer, summary))
        }
        Err(e) => {
            writer.rollback().await?;
            if matches!(e, AppError::Cancelled) {
                tracing::info!("import cancelled and rolled back");
            }
            Err(e)
        }
    }
}

/// The reader's side: chunks until the end, an error, cancelling, or the writer gone. The summary only
/// when the whole file was read.
fn read_chunks<S: RowStream>(
    open: impl FnOnce() -> Result<S>,
    tx: &tokio::sync::mpsc::Sender<Chunk<S::Row>>,
    cancel: &CancelToken,
) -> Option<S::Summary> {
    let send = |item| tx.blocking_send(item).is_ok();
    let mut rows = match open() {
        Ok(rows) => rows,
        Err(e) => {
            send(Err(e));
            return None;
        }
    };
    let mut chunk = Vec::with_capacity(CHUNK_ROWS);
    while let Some(item) = rows.next_row() {
        match item {
            Ok(row) => chunk.push(row),
            Err(e) => {
                send(Err(e));
                return None;
            }
        }
        if chunk.len() == CHUNK_ROWS {
            if cancel.is_cancelled() || !send(Ok((std::mem::take(&mut chunk), rows.bytes_read()))) {
                return None;
            }
            chunk.reserve(CHUNK_ROWS);
        }
    }
    if !chunk.is_empty() && !send(Ok((chunk, rows.bytes_read()))) {
        return None;
    }
    Some(rows.summary())
}

/// Runs blocking file work (sniffing, a preview) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::Internal(format!("file reader stopped: {e}")))?
}

impl RowStream for scout_ingest::RowReader {
    type Row = scout_ingest::ParsedRow;
    type Summary = ();

    fn next_row(&mut self) -> Option<Result<Self::Row>> {
        self.next().map(|r| r.map_err(AppError::from))
    }

    fn bytes_read(&self) -> u64 {
        scout_ingest::RowReader::bytes_read(self)
    }

    fn summary(&self) {}
}

impl<T: Send + 'static> RowStream for scout_ingest::ResultsReader<T> {
    type Row = scout_ingest::ResultsRow<T>;
    /// How the file's dates were read, when some could have been read either way.
    type Summary = Option<String>;

    fn next_row(&mut self) -> Option<Result<Self::Row>> {
        self.next().map(|r| r.map_err(AppError::from))
    }

    fn bytes_read(&self) -> u64 {
        scout_ingest::ResultsReader::bytes_read(self)
    }

    fn summary(&self) -> Option<String> {
        let order = self.date_order();
        (self.dates_decided() > 0 || order.order().is_none()).then(|| order.describe())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Counting rows 0..n, failing at `fail_at` when set.
    struct Numbers {
        next: u64,
        n: u64,
        fail_at: Option<u64>,
    }

    impl RowStream for Numbers {
        type Row = u64;
        type Summary = u64;
        fn next_row(&mut self) -> Option<Result<u64>> {
            if Some(self.next) == self.fail_at {
                return Some(Err(AppError::InvalidInput(format!("line {}: broken", self.next))));
            }
            (self.next < self.n).then(|| {
                self.next += 1;
                Ok(self.next - 1)
            })
        }
        fn bytes_read(&self) -> u64 {
            self.next
        }
        fn summary(&self) -> u64 {
            self.next
        }
    }

    /// Stands in for a transaction: rows land in `pending` until the importer commits or it is undone.
    #[derive(Default)]
    struct Table {
        pending: Vec<u64>,
        rolled_back: Arc<AtomicBool>,
        cancel_after: Option<(usize, CancelToken)>,
    }

    impl ChunkWriter<u64> for Table {
        async fn write(&mut self, rows: Vec<u64>) -> Result<()> {
            self.pending.extend(rows);
            if let Some((after, cancel)) = &self.cancel_after {
                if self.pending.len() >= *after {
                    cancel.cancel();
                }
            }
            Ok(())
        }
        fn rows_done(&self) -> u64 {
            self.pending.len() as u64
        }
        async fn rollback(self) -> Result<()> {
            self.rolled_back.store(true, Ordering::SeqCst);
            Ok(())
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_row_arrives_once_in_order_with_progress_at_the_end() {
        let seen = Mutex::new(Vec::new());
        let progress = |p: ImportProgress| seen.lock().unwrap().push(p);
        let open = || Ok(Numbers { next: 0, n: 5_001, fail_at: None });
        let (table, summary) =
            stream_rows(open, Table::default(), 5_001, &progress, &CancelToken::default()).await.unwrap();
        assert_eq!(table.pending, (0..5_001).collect::<Vec<_>>());
        assert_eq!(summary, Some(5_001), "the reader's summary after the whole file");
        let last = *seen.lock().unwrap().last().unwrap();
        assert_eq!(last, ImportProgress { rows_done: 5_001, bytes_done: 5_001, bytes_total: 5_001 });
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_broken_row_or_a_cancel_rolls_everything_back() {
        let table = Table::default();
        let rolled_back = table.rolled_back.clone();
        let open = || Ok(Numbers { next: 0, n: 10_000, fail_at: Some(4_500) });
        let err = stream_rows(open, table, 0, &|_| {}, &CancelToken::default()).await.err().unwrap();
        assert!(err.to_string().contains("line 4500"), "{err}");
        assert!(rolled_back.load(Ordering::SeqCst));

        let cancel = CancelToken::default();
        let table = Table { cancel_after: Some((2_000, cancel.clone())), ..Table::default() };
        let rolled_back = table.rolled_back.clone();
        let open = || Ok(Numbers { next: 0, n: 1_000_000, fail_at: None });
        let err = stream_rows(open, table, 0, &|_| {}, &cancel).await.err().unwrap();
        assert!(matches!(err, AppError::Cancelled), "{err}");
        assert!(rolled_back.load(Ordering::SeqCst), "a cancel undoes what was written");

        let failing = || -> Result<Numbers> { Err(AppError::InvalidInput("not a creator list".into())) };
        let table = Table::default();
        let rolled_back = table.rolled_back.clone();
        let err = stream_rows(failing, table, 0, &|_| {}, &CancelToken::default()).await.err().unwrap();
        assert!(err.to_string().contains("not a creator list") && rolled_back.load(Ordering::SeqCst));
    }
}
