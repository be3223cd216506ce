//! Schema changes SQLite cannot make inside a migration's transaction: changing a CHECK constraint of a
//! table other tables reference means rebuilding it with foreign keys off (SQLite's documented
//! procedure: create the new table, copy, drop the old, rename, then `foreign_key_check` before
//! committing), and `PRAGMA foreign_keys` cannot change inside a transaction. Each fix-up runs once, at
//! open, before the migrations, on its own connection, and is idempotent: it looks at the schema first.

use crate::{Result, StoreError};
use sqlx::{Executor, SqliteConnection};

/// `import_batches.source_kind` gains 'hand' (creators added or edited by hand in Scout).
const IMPORT_BATCHES_HAND: &str = "
CREATE TABLE import_batches_new (
    id            INTEGER PRIMARY KEY,
    source_name   TEXT    NOT NULL,
    source_kind   TEXT    NOT NULL CHECK (source_kind IN ('file', 'demo', 'api', 'hand')),
    content_hash  TEXT,
    format        TEXT,
    headers       TEXT    NOT NULL DEFAULT '[]',
    mapping       TEXT,
    as_of         TEXT    NOT NULL,
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    rows_total    INTEGER NOT NULL DEFAULT 0,
    created       INTEGER NOT NULL DEFAULT 0,
    updated       INTEGER NOT NULL DEFAULT 0,
    unchanged     INTEGER NOT NULL DEFAULT 0,
    merged        INTEGER NOT NULL DEFAULT 0,
    rejected      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO import_batches_new SELECT id, source_name, source_kind, content_hash, format, headers, mapping,
    as_of, started_at, finished_at, rows_total, created, updated, unchanged, merged, rejected FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
CREATE INDEX import_batches_hash ON import_batches (content_hash);
";

/// Runs the fix-ups the workspace still needs.
pub(crate) async fn run(conn: &mut SqliteConnection) -> Result<()> {
    let sql: Option<String> =
        sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'import_batches'")
            .fetch_optional(&mut *conn)
            .await?;
    // The first migration makes the table (without 'hand'); once rebuilt here, it says 'hand'.
    let Some(sql) = sql else { return Ok(()) };
    if sql.contains("'hand'") {
        return Ok(());
    }
    let columns: i64 = sqlx::query_scalar("SELECT count(*) FROM pragma_table_info('import_batches')")
        .fetch_one(&mut *conn)
        .await?;
    if columns != 16 {
        return Err(StoreError::Corrupt {
            table: "import_batches",
            column: "*",
            id: columns,
            message: "the table does not have the 16 columns this fix-up rebuilds; nothing was changed"
                .into(),
        });
    }
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let rebuilt = rebuild(conn).await;
    conn.execute("PRAGMA foreign_keys = ON").await?;
    rebuilt?;
    tracing::info!("import_batches rebuilt: source kind 'hand' allowed");
    Ok(())
}

/// The rebuild in one transaction, committed only when every reference still holds.
async fn rebuild(conn: &mut SqliteConnection) -> Result<()> {
    conn.execute("BEGIN IMMEDIATE").await?;
    let done = async {
        conn.execute(IMPORT_BATCHES_HAND).await?;
        let broken: i64 =
            sqlx::query_scalar("SELECT count(*) FROM pragma_foreign_key_check").fetch_one(&mut *conn).await?;
        Ok::<i64, StoreError>(broken)
    }
    .await;
    match done {
        Ok(0) => {
            conn.execute("COMMIT").await?;
            Ok(())
        }
        Ok(broken) => {
            conn.execute("ROLLBACK").await?;
            Err(StoreError::Corrupt {
                table: "import_batches",
                column: "id",
                id: broken,
                message: "rebuilding import_batches would break references; nothing was changed".into(),
            })
        }
        Err(e) => {
            conn.execute("ROLLBACK").await?;
            Err(e)
        }
    }
}
