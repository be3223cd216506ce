//! The import's connection, driven by a task of its own so that SQLite writes one chunk while the
//! import prepares the next. Writes are queued without waiting for them; a read (`call`) runs after
//! every write queued before it. The first failure stops the task, which drops the connection (SQLite
//! rolls the transaction back) and hands the error to the next caller.

use crate::{Result, StoreError};
use futures_util::future::BoxFuture;
use sqlx::SqliteConnection;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

type Job = Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<()>> + Send>;

/// Jobs queued ahead of SQLite: enough to keep it busy while the next chunk is prepared, few enough
/// that the queued statements' values stay a few megabytes.
const QUEUE: usize = 8;

pub(crate) struct Writer {
    jobs: Option<mpsc::Sender<Job>>,
    task: Option<JoinHandle<Result<(SqliteConnection, Duration)>>>,
}

impl Writer {
    pub(crate) fn spawn(mut conn: SqliteConnection) -> Writer {
        let (jobs, mut queue) = mpsc::channel::<Job>(QUEUE);
        let task = tokio::spawn(async move {
            let mut busy = Duration::ZERO;
            while let Some(job) = queue.recv().await {
                let started = Instant::now();
                job(&mut conn).await?;
                busy += started.elapsed();
            }
            Ok((conn, busy))
        });
        Writer { jobs: Some(jobs), task: Some(task) }
    }

    /// Queues a write; returns once it is queued (or with the error that stopped an earlier one).
    pub(crate) async fn write(&mut self, job: Job) -> Result<()> {
        let sent = match &self.jobs {
            Some(jobs) => jobs.send(job).await.is_ok(),
            None => false,
        };
        if sent {
            Ok(())
        } else {
            Err(self.failure().await)
        }
    }

    /// Runs `f` on the connection after everything queued before it; returns its result.
    pub(crate) async fn call<T, F>(&mut self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Result<T>> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.write(Box::new(move |conn| {
            Box::pin(async move {
                let value = f(conn).await?;
                let _ = reply.send(value);
                Ok(())
            })
        }))
        .await?;
        match answer.await {
            Ok(value) => Ok(value),
            Err(_) => Err(self.failure().await),
        }
    }

    /// Waits for every queued write; returns the connection and how long SQLite was busy with them.
    pub(crate) async fn finish(mut self) -> Result<(SqliteConnection, Duration)> {
        self.jobs = None;
        match self.task.take() {
            Some(task) => task.await.map_err(|e| StoreError::Task(format!("the import's writer: {e}")))?,
            None => Err(StoreError::Task("the import's writer has already stopped".into())),
        }
    }

    /// The error that stopped the task.
    async fn failure(&mut self) -> StoreError {
        self.jobs = None;
        match self.task.take() {
            Some(task) => match task.await {
                Ok(Err(e)) => e,
                Ok(Ok(_)) => StoreError::Task("the import's writer stopped early".into()),
                Err(e) => StoreError::Task(format!("the import's writer: {e}")),
            },
            None => StoreError::Task("the import's writer has already stopped".into()),
        }
    }
}
