//! The statements an import queues on its writer: creators (plain inserts for new ones, upserts for
//! stored ones), their category rows and their dated snapshots, batched `ROWS_PER_STATEMENT` rows at a time.

use super::{key_hash, ImportSession};
use crate::codec::{search_text, to_i64, StoredCreator};
use crate::stored_audience::StoredAudience;
use crate::Result;
use scout_domain::{CreatorFigures, CreatorRecord};
use sqlx::query_builder::Separated;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Arguments, QueryBuilder, Sqlite};

/// Rows per INSERT statement: at `CREATOR_VALUES` parameters a row, under SQLite's 32766 limit.
const ROWS_PER_STATEMENT: usize = 500;

/// The values bound for each row written to `creators`.
const CREATOR_VALUES: usize = 31;

impl ImportSession {
    /// Inserts or updates creators; returns the id of each write, in order. A stored creator keeps its
    /// id; a new one gets the next free id, so nothing has to be read back.
    pub(super) async fn write_creators(
        &mut self,
        writes: &[(CreatorRecord, Option<StoredCreator>)],
    ) -> Result<Vec<i64>> {
        let mut ids = Vec::with_capacity(writes.len());
        for (r, stored) in writes {
            ids.push(match stored {
                Some(s) => s.id,
                None => {
                    self.next_id += 1;
                    self.next_id - 1
                }
            });
            if let Some(open_id) = &r.profile.open_id {
                if self.started_empty {
                    self.open_ids.insert(key_hash(open_id.as_str()));
                }
            }
        }
        // Written once per import, not formatted again for every row (as sqlx would write the time).
        let now = self.now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false);
        let last_batch_and_now = format!("{}, '{now}'", self.batch_id);
        // New creators and stored ones go in separate statements: a plain `INSERT OR FAIL` needs no
        // statement journal (an upsert does: it may abort half-way), so a first import copies no page
        // aside before changing it. A new creator whose key was stored after all fails on the
        // (platform, handle) key, which fails the import, rather than being written twice.
        let (created, stored): (Vec<usize>, Vec<usize>) =
            (0..writes.len()).partition(|i| writes[*i].1.is_none());
        for (rows, upsert) in [(created, false), (stored, true)] {
            for chunk in rows.chunks(ROWS_PER_STATEMENT) {
                let mut args = SqliteArguments::default();
                args.reserve(chunk.len() * CREATOR_VALUES, 0);
                let mut sql = String::with_capacity(chunk.len() * CREATOR_VALUES * 3 + 2048);
                sql.push_str(&format!(
                    "INSERT OR FAIL INTO creators (id, platform, handle, open_id, display_name, {FIGURE_COLUMNS}, \
                     engagement_eff_bp, categories, country, language, bio, email, audience, search_text, \
                     first_batch_id, first_seen_at, data_as_of, last_batch_id, updated_at) "
                ));
                let mut q = QueryBuilder::with_arguments(sql, args);
                q.push_values(chunk, |mut b, i| {
                    let ((r, stored), id) = (&writes[*i], ids[*i]);
                    let f = &r.figures;
                    let audience = r.audience.as_ref().map(StoredAudience::to_json);
                    b.push_bind(id)
                        .push_bind(r.key.platform.as_str())
                        .push_bind(r.key.handle.as_str().to_string())
                        .push_bind(r.profile.open_id.clone())
                        .push_bind(r.profile.display_name.clone());
                    push_figures(&mut b, f);
                    b.push_bind(f.engagement_rate_or_derived().map(|r| i64::from(r.0)))
                        .push_bind(
                            serde_json::to_string(&r.profile.categories).unwrap_or_else(|_| "[]".into()),
                        )
                        .push_bind(r.profile.country.as_ref().map(|c| c.as_str().to_string()))
                        .push_bind(r.profile.language.clone())
                        .push_bind(r.profile.bio.clone())
                        .push_bind(r.profile.email.clone())
                        .push_bind(audience)
                        .push_bind(search_text(&r.key, &r.profile))
                        .push_bind(stored.as_ref().map_or(self.batch_id, |s| s.first_batch_id));
                    match stored {
                        Some(s) => b.push_bind(s.first_seen_at),
                        None => b.push_bind(now.clone()),
                    };
                    b.push_bind(data_as_of(r, stored.as_ref(), self.as_of));
                    // The same for every row of the import: written into the statement, not bound.
                    b.push(&last_batch_and_now);
                });
                if upsert {
                    // A stored creator keeps its id and is updated in place.
                    q.push(
                        " ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, open_id = excluded.open_id, \
                         display_name = excluded.display_name, followers = excluded.followers, \
                         following = excluded.following, avg_views = excluded.avg_views, \
                         avg_likes = excluded.avg_likes, avg_comments = excluded.avg_comments, \
                         avg_shares = excluded.avg_shares, engagement_bp = excluded.engagement_bp, \
                         engagement_eff_bp = excluded.engagement_eff_bp, gmv_minor = excluded.gmv_minor, \
                         gmv_currency = excluded.gmv_currency, units_sold = excluded.units_sold, \
                         gmv_low_minor = excluded.gmv_low_minor, gmv_high_minor = excluded.gmv_high_minor, \
                         units_low = excluded.units_low, units_high = excluded.units_high, \
                         avg_commission_bp = excluded.avg_commission_bp, categories = excluded.categories, \
                         country = excluded.country, language = excluded.language, bio = excluded.bio, \
                         email = excluded.email, audience = excluded.audience, search_text = excluded.search_text, \
                         data_as_of = excluded.data_as_of, last_batch_id = excluded.last_batch_id, \
                         updated_at = excluded.updated_at",
                    );
                }
                self.write_query(q).await?;
            }
        }
        Ok(ids)
    }

    /// Category rows: copied inside SQLite from the `categories` just written for creators this chunk
    /// created (ids in `created`); replaced for stored creators whose categories changed.
    pub(super) async fn write_categories(
        &mut self,
        writes: &[(CreatorRecord, Option<StoredCreator>)],
        ids: &[i64],
        created: &std::ops::Range<i64>,
    ) -> Result<()> {
        if !created.is_empty() {
            let (start, end) = (created.start, created.end);
            self.writer
                .write(Box::new(move |conn| {
                    Box::pin(async move {
                        sqlx::query(
                            "INSERT OR IGNORE INTO creator_categories (creator_id, category) \
                             SELECT c.id, j.value FROM creators c, json_each(c.categories) j \
                             WHERE c.id >= ? AND c.id < ?",
                        )
                        .bind(start)
                        .bind(end)
                        .execute(conn)
                        .await?;
                        Ok(())
                    })
                }))
                .await?;
        }
        let changed: Vec<(i64, &Vec<String>)> = writes
            .iter()
            .zip(ids)
            .filter_map(|((r, stored), id)| {
                let stored = stored.as_ref()?;
                (stored.profile.categories != r.profile.categories).then_some((*id, &r.profile.categories))
            })
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let stale: Vec<i64> = changed.iter().map(|(id, _)| *id).collect();
        let mut q = QueryBuilder::<Sqlite>::new(
            "DELETE FROM creator_categories WHERE creator_id IN (SELECT value FROM json_each(",
        );
        q.push_bind(serde_json::to_string(&stale).unwrap_or_default()).push("))");
        self.write_query(q).await?;
        let pairs: Vec<(i64, String)> =
            changed.iter().flat_map(|(id, cats)| cats.iter().map(move |c| (*id, c.clone()))).collect();
        for chunk in pairs.chunks(10_000) {
            let mut q = QueryBuilder::<Sqlite>::new(
                "INSERT OR IGNORE INTO creator_categories (creator_id, category) ",
            );
            q.push_values(chunk, |mut b, (id, cat)| {
                b.push_bind(*id).push_bind(cat.clone());
            });
            self.write_query(q).await?;
        }
        Ok(())
    }

    /// Snapshots of the figures this import supplied. A creator it created gets its first one copied
    /// inside SQLite from the row just written (the same figures), unless it supplied none (no
    /// snapshot) or its row carried its own as-of date (in `not_copied`; those come in `snapshots`).
    pub(super) async fn write_snapshots(
        &mut self,
        snapshots: &[(usize, CreatorRecord)],
        ids: &[i64],
        created: &std::ops::Range<i64>,
        not_copied: &[i64],
    ) -> Result<()> {
        if !created.is_empty() {
            let mut q = QueryBuilder::<Sqlite>::new(format!(
                "INSERT OR FAIL INTO creator_snapshots (creator_id, batch_id, as_of, {FIGURE_COLUMNS}) \
                 SELECT id, "
            ));
            q.push_bind(self.batch_id).push(", ").push_bind(self.as_of);
            q.push(format!(", {FIGURE_COLUMNS} FROM creators WHERE id >= ")).push_bind(created.start);
            q.push(" AND id < ").push_bind(created.end);
            q.push(" AND id NOT IN (SELECT value FROM json_each(")
                .push_bind(serde_json::to_string(not_copied).unwrap_or_else(|_| "[]".into()))
                .push("))");
            self.write_query(q).await?;
        }
        for chunk in snapshots.chunks(ROWS_PER_STATEMENT) {
            let mut q = QueryBuilder::<Sqlite>::new(format!(
                "INSERT INTO creator_snapshots (creator_id, batch_id, as_of, {FIGURE_COLUMNS}) "
            ));
            q.push_values(chunk, |mut b, (i, r)| {
                b.push_bind(ids[*i]).push_bind(self.batch_id).push_bind(r.as_of.unwrap_or(self.as_of));
                push_figures(&mut b, &r.figures);
            });
            // A creator repeated later in the same file: its later figures win, earlier ones stay.
            q.push(
                " ON CONFLICT (creator_id, batch_id) DO UPDATE SET as_of = excluded.as_of, \
                 followers = coalesce(excluded.followers, followers), \
                 following = coalesce(excluded.following, following), \
                 avg_views = coalesce(excluded.avg_views, avg_views), \
                 avg_likes = coalesce(excluded.avg_likes, avg_likes), \
                 avg_comments = coalesce(excluded.avg_comments, avg_comments), \
                 avg_shares = coalesce(excluded.avg_shares, avg_shares), \
                 engagement_bp = coalesce(excluded.engagement_bp, engagement_bp), \
                 gmv_low_minor = CASE WHEN excluded.gmv_minor IS NULL THEN gmv_low_minor ELSE excluded.gmv_low_minor END, \
                 gmv_high_minor = CASE WHEN excluded.gmv_minor IS NULL THEN gmv_high_minor ELSE excluded.gmv_high_minor END, \
                 units_low = CASE WHEN excluded.units_sold IS NULL THEN units_low ELSE excluded.units_low END, \
                 units_high = CASE WHEN excluded.units_sold IS NULL THEN units_high ELSE excluded.units_high END, \
                 gmv_minor = coalesce(excluded.gmv_minor, gmv_minor), \
                 gmv_currency = coalesce(excluded.gmv_currency, gmv_currency), \
                 units_sold = coalesce(excluded.units_sold, units_sold), \
                 avg_commission_bp = coalesce(excluded.avg_commission_bp, avg_commission_bp)",
            );
            self.write_query(q).await?;
        }
        Ok(())
    }

    /// Queues a statement (its values are owned, so it can wait in the queue).
    pub(super) async fn write_query(&mut self, mut q: QueryBuilder<'static, Sqlite>) -> Result<()> {
        self.writer
            .write(Box::new(move |conn| {
                Box::pin(async move {
                    q.build().execute(conn).await?;
                    Ok(())
                })
            }))
            .await
    }
}

/// The date a creator's newest figures are from, as `write_snapshots` dates them: the row's own as-of
/// date, else the import's. Unchanged figures keep the stored date; changed ones take the newer of the two
/// (an older file imported later changes figures, but the newest date any snapshot has stays).
fn data_as_of(
    r: &CreatorRecord,
    stored: Option<&StoredCreator>,
    import_as_of: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    let incoming = r.as_of.unwrap_or(import_as_of);
    match stored {
        None => (!r.figures.is_empty()).then_some(incoming),
        Some(s) if s.figures == r.figures => s.data_as_of,
        Some(s) => Some(s.data_as_of.map_or(incoming, |d| d.max(incoming))),
    }
}

/// The figure columns `creators` and `creator_snapshots` share, in the order `push_figures` binds them.
const FIGURE_COLUMNS: &str = "followers, following, avg_views, avg_likes, avg_comments, avg_shares, \
     engagement_bp, gmv_minor, gmv_currency, units_sold, avg_commission_bp, gmv_low_minor, gmv_high_minor, \
     units_low, units_high";

fn push_figures(b: &mut Separated<'_, 'static, Sqlite, &'static str>, f: &CreatorFigures) {
    b.push_bind(to_i64(f.followers))
        .push_bind(to_i64(f.following))
        .push_bind(to_i64(f.avg_views))
        .push_bind(to_i64(f.avg_likes))
        .push_bind(to_i64(f.avg_comments))
        .push_bind(to_i64(f.avg_shares))
        .push_bind(f.engagement_rate.map(|r| i64::from(r.0)));
    // A range is stored as its ends, with its midpoint where an exact figure goes (what lists sort on).
    let gmv = f.gmv_estimate();
    let range = f.gmv_range.as_ref();
    let units = f.units_sold_range.as_ref();
    b.push_bind(gmv.as_ref().map(|m| m.minor))
        .push_bind(gmv.as_ref().map(|m| m.currency.code().to_string()))
        .push_bind(to_i64(f.units_sold_estimate()))
        .push_bind(f.avg_commission_rate.map(|r| i64::from(r.0)))
        .push_bind(range.map(|r| r.low.minor))
        .push_bind(range.and_then(|r| r.high.as_ref().map(|h| h.minor)))
        .push_bind(to_i64(units.map(|r| r.low)))
        .push_bind(to_i64(units.and_then(|r| r.high)));
}
