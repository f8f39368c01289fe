//! Moving a site between databases, SQLite to PostgreSQL and back (`server
//! copy-database FROM TO`, issue 19). Every table is copied with its ids; the target is
//! emptied first, so running the copy again gives the same target. The search index is
//! not copied but rebuilt on the target from the stories, and each table's rows are
//! counted on both sides at the end.

use crate::sql::{query, query_scalar, Backend, Db};
use crate::{DataError, DataResult};
use futures_util::TryStreamExt;
use sqlx::Row;

/// The site's tables in an order they can be filled in: each after those it refers to.
/// (`search_index` and `search_terms` are rebuilt, not copied; `cache_purges` comes last,
/// once what the target's triggers queued during the copy is cleared.)
pub const TABLES: &[&str] = &[
    "languages",
    "users",
    "media",
    "media_translations",
    "media_variants",
    "sections",
    "section_translations",
    "section_redirects",
    "authors",
    "stories",
    "story_translations",
    "tags",
    "tag_translations",
    "story_tags",
    "menu_items",
    "menu_item_labels",
    "redirects",
    "subscribers",
    "consents",
    "tokens",
    "reader_messages",
    "mailings",
    "mailing_stories",
    "mail_queue",
    "mailing_recipients",
    "site_secrets",
    "publications",
    "publication_translations",
    "programmes",
    "programme_translations",
    "episodes",
    "episode_translations",
    "interviews",
    "interview_translations",
    "profiles",
    "profile_translations",
    "profile_stories",
    "sessions",
    "audit_log",
    "password_guesses",
    "cache_purge_targets",
    "cache_purges",
];

/// Columns that refer to a row of their own table (a section's parent): copied empty,
/// then filled in once every row is there.
const SELF_REFERENCES: &[(&str, &str)] = &[("sections", "parent_id"), ("menu_items", "parent_id")];

/// Rows sent in one statement, at most (times their columns, under both databases'
/// limit on bound values).
const BATCH_VALUES: usize = 20_000;

/// How a column's values are read and written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Integer,
    Boolean,
    Text,
    Bytes,
}

/// One value of a row, as both drivers encode it.
#[derive(Debug)]
enum Value {
    Integer(Option<i64>),
    Boolean(Option<bool>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
}

/// How many rows of each table, in [`TABLES`] order.
pub type Counts = Vec<(&'static str, i64)>;

/// What the copy did: rows per table on each side (the source's counted as the table
/// was copied, the target's at the end; equal when it succeeded) and how many
/// translations the target's search index holds.
#[derive(Debug)]
pub struct Copied {
    pub source: Counts,
    pub target: Counts,
    pub indexed: u64,
}

/// Copies every table of `from` into `to` (emptied first), then rebuilds `to`'s search
/// index. `progress(table, rows done, rows in the table)` is called as rows arrive.
/// Fails, saying which, if a table's count differs at the end.
pub async fn copy_database(
    from: &Db,
    to: &Db,
    mut progress: impl FnMut(&str, u64, u64),
) -> DataResult<Copied> {
    empty(to).await?;
    let mut source = Vec::with_capacity(TABLES.len());
    for &table in TABLES {
        let total = count(from, table).await?;
        source.push((table, total));
        let columns = columns(to, table).await?;
        if table == "cache_purges" {
            // What the target's triggers queued while rows arrived.
            query("DELETE FROM cache_purges").execute(to).await?;
        }
        copy_table(from, to, table, &columns, |done| {
            progress(table, done, total as u64)
        })
        .await?;
        for &(_, column) in SELF_REFERENCES.iter().filter(|(t, _)| *t == table) {
            copy_self_reference(from, to, table, column).await?;
        }
    }
    restart_ids(to).await?;
    // The source's index keys mean nothing on the target: rebuilt from the stories.
    query("UPDATE story_translations SET search_rowid = NULL")
        .execute(to)
        .await?;
    let indexed = crate::search::index::rebuild(to).await?;
    let target = counts(to).await?;
    let differ: Vec<String> = source
        .iter()
        .zip(&target)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, b)| format!("{}: {} copied as {}", a.0, a.1, b.1))
        .collect();
    if !differ.is_empty() {
        return Err(DataError::Invalid(format!(
            "the copy is incomplete: {}",
            differ.join("; ")
        )));
    }
    Ok(Copied {
        source,
        target,
        indexed,
    })
}

/// The rows of every table of [`TABLES`].
pub async fn counts(db: &Db) -> DataResult<Counts> {
    let mut counts = Vec::with_capacity(TABLES.len());
    for &table in TABLES {
        counts.push((table, count(db, table).await?));
    }
    Ok(counts)
}

async fn count(db: &Db, table: &str) -> DataResult<i64> {
    Ok(query_scalar(&format!("SELECT count(*) FROM {table}"))
        .fetch_one(db)
        .await?)
}

/// Deletes every row of the target, the tables that refer to others first.
async fn empty(db: &Db) -> DataResult<()> {
    let mut tx = crate::write_tx(db).await?;
    for &(table, column) in SELF_REFERENCES {
        query(&format!("UPDATE {table} SET {column} = NULL"))
            .execute(&mut tx)
            .await?;
    }
    query(crate::sql::Sql::each(
        "INSERT INTO search_index (search_index) VALUES ('delete-all')",
        "DELETE FROM search_index",
    ))
    .execute(&mut tx)
    .await?;
    query("DELETE FROM search_terms").execute(&mut tx).await?;
    for &table in TABLES.iter().rev() {
        query(&format!("DELETE FROM {table}"))
            .execute(&mut tx)
            .await?;
    }
    Ok(tx.commit().await?)
}

/// The columns of `table` on `db`, with how each is read.
async fn columns(db: &Db, table: &str) -> DataResult<Vec<(String, Kind)>> {
    let rows: Vec<(String, String)> = match db.backend() {
        Backend::Sqlite => {
            query_as_pairs(db, "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", table)
                .await?
        }
        Backend::Postgres => {
            query_as_pairs(
                db,
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                table,
            )
            .await?
        }
    };
    rows.into_iter()
        .map(|(name, declared)| {
            let kind = match declared.to_ascii_lowercase().as_str() {
                "integer" | "bigint" => {
                    match crate::sql::BOOLEAN_COLUMNS.contains(&(table, name.as_str())) {
                        true => Kind::Boolean,
                        false => Kind::Integer,
                    }
                }
                "boolean" => Kind::Boolean,
                "text" => Kind::Text,
                "blob" | "bytea" => Kind::Bytes,
                other => {
                    return Err(DataError::Invalid(format!(
                        "{table}.{name}: no copy for columns of type {other}"
                    )))
                }
            };
            Ok((name, kind))
        })
        .collect()
}

async fn query_as_pairs(db: &Db, sql: &str, table: &str) -> DataResult<Vec<(String, String)>> {
    Ok(crate::sql::query_as(sql).bind(table).fetch_all(db).await?)
}

/// Streams `table`'s rows from `from` and inserts them into `to` in batches, each batch
/// one transaction; `done(rows so far)` after each.
async fn copy_table(
    from: &Db,
    to: &Db,
    table: &str,
    columns: &[(String, Kind)],
    mut done: impl FnMut(u64),
) -> DataResult<()> {
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    let selected: Vec<String> = names
        .iter()
        .map(|&n| match SELF_REFERENCES.contains(&(table, n)) {
            true => format!("CAST(NULL AS BIGINT) AS {n}"),
            false => n.to_owned(),
        })
        .collect();
    let select = format!("SELECT {} FROM {table}", selected.join(", "));
    let per_batch = (BATCH_VALUES / columns.len().max(1)).max(1);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_batch);
    let mut copied = 0_u64;
    macro_rules! drain {
        ($rows:expr) => {{
            let mut rows = $rows;
            while let Some(row) = rows.try_next().await? {
                batch.push(read_row(&row, columns)?);
                if batch.len() == per_batch {
                    insert(to, table, &names, &mut batch).await?;
                    copied += per_batch as u64;
                    done(copied);
                }
            }
        }};
    }
    match (from.sqlite_pool(), from.postgres_pool()) {
        (Some(pool), _) => drain!(sqlx::query(&select).fetch(pool)),
        (_, Some(pool)) => drain!(sqlx::query(&select).fetch(pool)),
        _ => unreachable!("a database is SQLite or PostgreSQL"),
    }
    copied += batch.len() as u64;
    insert(to, table, &names, &mut batch).await?;
    done(copied);
    Ok(())
}

/// A row's values by their columns' kinds (SQLite and PostgreSQL rows alike).
fn read_row<R: Row>(row: &R, columns: &[(String, Kind)]) -> DataResult<Vec<Value>>
where
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<bool>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> Option<Vec<u8>>: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    columns
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| {
            Ok(match kind {
                Kind::Integer => Value::Integer(row.try_get(i)?),
                Kind::Boolean => Value::Boolean(row.try_get(i)?),
                Kind::Text => Value::Text(row.try_get(i)?),
                Kind::Bytes => Value::Bytes(row.try_get(i)?),
            })
        })
        .collect()
}

/// Inserts the rows of `batch` (emptied) in one statement and one transaction.
async fn insert(
    to: &Db,
    table: &str,
    names: &[&str],
    batch: &mut Vec<Vec<Value>>,
) -> DataResult<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let row = format!("({})", vec!["?"; names.len()].join(", "));
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        names.join(", "),
        vec![row.as_str(); batch.len()].join(", ")
    );
    let mut insert = query(&sql);
    for value in batch.drain(..).flatten() {
        insert = match value {
            Value::Integer(v) => insert.bind(v),
            Value::Boolean(v) => insert.bind(v),
            Value::Text(v) => insert.bind(v),
            Value::Bytes(v) => insert.bind(v),
        };
    }
    let mut tx = crate::write_tx(to).await?;
    insert.execute(&mut tx).await?;
    Ok(tx.commit().await?)
}

/// Fills `table.column` (a reference to the same table) on `to` as it is on `from`.
async fn copy_self_reference(from: &Db, to: &Db, table: &str, column: &str) -> DataResult<()> {
    let pairs: Vec<(i64, i64)> = crate::sql::query_as(&format!(
        "SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
    ))
    .fetch_all(from)
    .await?;
    let mut tx = crate::write_tx(to).await?;
    for (id, parent) in pairs {
        query(&format!("UPDATE {table} SET {column} = ? WHERE id = ?"))
            .bind(parent)
            .bind(id)
            .execute(&mut tx)
            .await?;
    }
    Ok(tx.commit().await?)
}

/// PostgreSQL's identities go on after the highest id copied (SQLite's rowids do so
/// by themselves).
async fn restart_ids(db: &Db) -> DataResult<()> {
    if db.backend() != Backend::Postgres {
        return Ok(());
    }
    let identities: Vec<(String, String)> = crate::sql::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND is_identity = 'YES'",
    )
    .fetch_all(db)
    .await?;
    for (table, column) in identities {
        query(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', '{column}'),
                           COALESCE((SELECT max({column}) FROM {table}), 0) + 1, false)"
        ))
        .execute(db)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "copy/tests.rs"]
mod tests;
