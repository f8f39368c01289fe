//! The query API of [`crate::sql`]: statements, their values, and running them with
//! the driver of the database they are given.

use super::{Executes, Target};
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Arguments, Decode, Encode, FromRow, Postgres, Sqlite, Type};
use std::borrow::Cow;
use std::marker::PhantomData;

/// A value bound to a placeholder, which either driver can encode.
pub trait Bound<'q>: Send {
    /// Appends the value to SQLite's arguments.
    fn add_to_sqlite(self: Box<Self>, args: &mut SqliteArguments<'q>) -> Result<(), BoxDynError>;
    /// Appends the value to PostgreSQL's arguments.
    fn add_to_postgres(self: Box<Self>, args: &mut PgArguments) -> Result<(), BoxDynError>;
}

impl<'q, T> Bound<'q> for T
where
    T: 'q + Send + Encode<'q, Sqlite> + Type<Sqlite> + Encode<'q, Postgres> + Type<Postgres>,
{
    fn add_to_sqlite(self: Box<Self>, args: &mut SqliteArguments<'q>) -> Result<(), BoxDynError> {
        args.add(*self)
    }

    fn add_to_postgres(self: Box<Self>, args: &mut PgArguments) -> Result<(), BoxDynError> {
        args.add(*self)
    }
}

/// A statement's text for each database: the same text where they agree
/// (`From<&str>`), or one each ([`Sql::each`]).
#[derive(Clone, Debug)]
pub struct Sql<'q> {
    sqlite: Cow<'q, str>,
    postgres: Cow<'q, str>,
}

impl<'q> Sql<'q> {
    /// The statement as each database writes it.
    pub const fn each(sqlite: &'q str, postgres: &'q str) -> Sql<'q> {
        Sql {
            sqlite: Cow::Borrowed(sqlite),
            postgres: Cow::Borrowed(postgres),
        }
    }
}

impl<'q> From<&'q str> for Sql<'q> {
    fn from(sql: &'q str) -> Self {
        Sql::each(sql, sql)
    }
}

impl<'q> From<&'q String> for Sql<'q> {
    fn from(sql: &'q String) -> Self {
        Sql::each(sql, sql)
    }
}

impl<'q> From<&'q Sql<'_>> for Sql<'q> {
    fn from(sql: &'q Sql<'_>) -> Self {
        Sql {
            sqlite: Cow::Borrowed(&sql.sqlite),
            postgres: Cow::Borrowed(&sql.postgres),
        }
    }
}

impl Sql<'static> {
    /// The statement as each database writes it, made at run time ([`dialect_sql!`]).
    pub fn owned(
        sqlite: impl Into<Cow<'static, str>>,
        postgres: impl Into<Cow<'static, str>>,
    ) -> Self {
        Sql {
            sqlite: sqlite.into(),
            postgres: postgres.into(),
        }
    }
}

/// A statement written once with the fragments of [`dialect`] (`NOW`, `PUBLISHED`,
/// `now_moved`): the expression (a `format!`, a call that builds the text) is evaluated
/// once with SQLite's fragments in scope and once with PostgreSQL's, giving an [`Sql`].
macro_rules! dialect_sql {
    ($text:expr) => {
        $crate::sql::for_each_dialect!($crate::sql::Sql::owned, $text)
    };
}

/// [`dialect_sql!`] for a constant (`concatcp!` of fragments and text).
macro_rules! dialect_const {
    ($text:expr) => {
        $crate::sql::for_each_dialect!($crate::sql::Sql::each, $text)
    };
}

/// `$make(text with SQLite's fragments, text with PostgreSQL's)`.
macro_rules! for_each_dialect {
    ($make:path, $text:expr) => {
        $make(
            {
                #[allow(unused_imports)]
                use $crate::sql::dialect::sqlite::*;
                $text
            },
            {
                #[allow(unused_imports)]
                use $crate::sql::dialect::postgres::*;
                $text
            },
        )
    };
}
pub(crate) use dialect_const;
pub(crate) use dialect_sql;
pub(crate) use for_each_dialect;

/// A statement and its values, not yet given to a driver.
struct Bindings<'q> {
    sql: Sql<'q>,
    values: Vec<Box<dyn Bound<'q> + 'q>>,
    /// Kept prepared on its connection, its plan reused (PostgreSQL; see
    /// `planned_each_time`).
    kept_prepared: bool,
}

impl<'q> Bindings<'q> {
    fn new(sql: impl Into<Sql<'q>>) -> Self {
        Bindings {
            sql: sql.into(),
            values: Vec::new(),
            kept_prepared: true,
        }
    }

    fn sqlite(self) -> sqlx::Result<(Cow<'q, str>, SqliteArguments<'q>)> {
        let mut args = SqliteArguments::default();
        for value in self.values {
            value
                .add_to_sqlite(&mut args)
                .map_err(sqlx::Error::Encode)?;
        }
        Ok((self.sql.sqlite, args))
    }

    fn postgres(self) -> sqlx::Result<(Cow<'q, str>, PgArguments)> {
        let mut args = PgArguments::default();
        for value in self.values {
            value
                .add_to_postgres(&mut args)
                .map_err(sqlx::Error::Encode)?;
        }
        let sql = match self.sql.postgres {
            Cow::Borrowed(sql) => numbered_placeholders(sql),
            Cow::Owned(sql) => Cow::Owned(numbered_placeholders(&sql).into_owned()),
        };
        Ok((sql, args))
    }
}

/// Runs `$make(sql, args).$method(target)` with the driver of `$ex`'s database.
macro_rules! on_driver {
    ($bindings:expr, $ex:expr, $make:path, $method:ident) => {{
        let kept = $bindings.kept_prepared;
        match $ex.target() {
            Target::SqlitePool(pool) => {
                let (sql, args) = $bindings.sqlite()?;
                $make(&sql, args).$method(pool).await
            }
            Target::Sqlite(conn) => {
                let (sql, args) = $bindings.sqlite()?;
                $make(&sql, args).$method(conn).await
            }
            Target::PostgresPool(pool) => {
                let (sql, args) = $bindings.postgres()?;
                $make(&sql, args).persistent(kept).$method(pool).await
            }
            Target::Postgres(conn) => {
                let (sql, args) = $bindings.postgres()?;
                $make(&sql, args).persistent(kept).$method(conn).await
            }
        }
    }};
}

/// A statement whose rows, if any, are not read (`sqlx::query`).
pub fn query<'q>(sql: impl Into<Sql<'q>>) -> Query<'q> {
    Query(Bindings::new(sql))
}

/// A statement read into rows of `O` (`sqlx::query_as`).
pub fn query_as<'q, O>(sql: impl Into<Sql<'q>>) -> QueryAs<'q, O> {
    QueryAs(Bindings::new(sql), PhantomData)
}

/// A statement read into the first column of each row (`sqlx::query_scalar`).
pub fn query_scalar<'q, O>(sql: impl Into<Sql<'q>>) -> QueryScalar<'q, O> {
    QueryScalar(Bindings::new(sql), PhantomData)
}

/// A statement put together piece by piece, each value bound where it is pushed: for
/// filters that come and go (`sqlx::QueryBuilder`).
pub struct QueryBuilder<'q> {
    sql: String,
    values: Vec<Box<dyn Bound<'q> + 'q>>,
}

impl<'q> QueryBuilder<'q> {
    /// A statement that begins with `sql`.
    pub fn new(sql: impl Into<String>) -> Self {
        QueryBuilder {
            sql: sql.into(),
            values: Vec::new(),
        }
    }

    /// Appends text to the statement.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Appends a placeholder and binds it to `value`.
    pub fn push_bind<T: Bound<'q> + 'q>(&mut self, value: T) -> &mut Self {
        self.sql.push('?');
        self.values.push(Box::new(value));
        self
    }

    /// The statement, read into rows of `O`.
    pub fn build_query_as<O>(self) -> QueryAs<'q, O> {
        QueryAs(self.bindings(), PhantomData)
    }

    /// The statement, read into the first column of each row.
    pub fn build_query_scalar<O>(self) -> QueryScalar<'q, O> {
        QueryScalar(self.bindings(), PhantomData)
    }

    fn bindings(self) -> Bindings<'q> {
        Bindings {
            sql: Sql {
                sqlite: Cow::Owned(self.sql.clone()),
                postgres: Cow::Owned(self.sql),
            },
            values: self.values,
            kept_prepared: true,
        }
    }
}

/// See [`query`].
#[must_use = "a query does nothing until it is executed"]
pub struct Query<'q>(Bindings<'q>);

/// See [`query_as`].
#[must_use = "a query does nothing until it is fetched"]
pub struct QueryAs<'q, O>(Bindings<'q>, PhantomData<O>);

/// See [`query_scalar`].
#[must_use = "a query does nothing until it is fetched"]
pub struct QueryScalar<'q, O>(Bindings<'q>, PhantomData<O>);

/// What a statement changed.
#[derive(Clone, Copy, Debug)]
pub struct Done {
    rows_affected: u64,
}

impl Done {
    /// How many rows the statement inserted, changed or deleted.
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

impl<'q> Query<'q> {
    /// Binds the next placeholder.
    pub fn bind<T: Bound<'q> + 'q>(mut self, value: T) -> Self {
        self.0.values.push(Box::new(value));
        self
    }

    /// Runs the statement.
    pub async fn execute<'c>(self, ex: impl Executes<'c>) -> sqlx::Result<Done> {
        let rows_affected = match ex.target() {
            Target::SqlitePool(pool) => {
                let (sql, args) = self.0.sqlite()?;
                let done = sqlx::query_with(&sql, args).execute(pool).await?;
                done.rows_affected()
            }
            Target::Sqlite(conn) => {
                let (sql, args) = self.0.sqlite()?;
                let done = sqlx::query_with(&sql, args).execute(conn).await?;
                done.rows_affected()
            }
            Target::PostgresPool(pool) => {
                let (sql, args) = self.0.postgres()?;
                let done = sqlx::query_with(&sql, args).execute(pool).await?;
                done.rows_affected()
            }
            Target::Postgres(conn) => {
                let (sql, args) = self.0.postgres()?;
                let done = sqlx::query_with(&sql, args).execute(conn).await?;
                done.rows_affected()
            }
        };
        Ok(Done { rows_affected })
    }
}

/// `bind` and the three ways to read what a statement returns, with `$make`, sqlx's
/// function that builds the statement ([`QueryAs`]: rows, [`QueryScalar`]: the first
/// column of each).
macro_rules! reading {
    ($make:path) => {
        /// Binds the next placeholder.
        pub fn bind<T: Bound<'q> + 'q>(mut self, value: T) -> Self {
            self.0.values.push(Box::new(value));
            self
        }

        /// Has PostgreSQL plan the statement for the values it runs with, each time.
        /// A statement kept prepared (sqlx's default) gets a generic plan after five
        /// runs, one for any value; for a search, whose best plan depends on how many
        /// stories have the word, that plan is 40 times slower for common words.
        pub fn planned_each_time(mut self) -> Self {
            self.0.kept_prepared = false;
            self
        }

        /// What every row gives.
        pub async fn fetch_all<'c>(self, ex: impl Executes<'c>) -> sqlx::Result<Vec<O>> {
            on_driver!(self.0, ex, $make, fetch_all)
        }

        /// What the first row gives; `RowNotFound` if there is none.
        pub async fn fetch_one<'c>(self, ex: impl Executes<'c>) -> sqlx::Result<O> {
            on_driver!(self.0, ex, $make, fetch_one)
        }

        /// What the first row gives, if there is one.
        pub async fn fetch_optional<'c>(self, ex: impl Executes<'c>) -> sqlx::Result<Option<O>> {
            on_driver!(self.0, ex, $make, fetch_optional)
        }
    };
}

impl<'q, O> QueryAs<'q, O>
where
    O: Send + Unpin + for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
{
    reading!(sqlx::query_as_with);
}

impl<'q, O> QueryScalar<'q, O>
where
    O: Send + Unpin,
    (O,): for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow>,
    O: Type<Sqlite> + for<'r> Decode<'r, Sqlite> + Type<Postgres> + for<'r> Decode<'r, Postgres>,
{
    reading!(sqlx::query_scalar_with);
}

/// SQLite's placeholders (`?`, `?N`) as PostgreSQL's (`$N`): a bare `?` is one more than
/// the highest number so far, as SQLite counts. Quoted text, quoted names and `--` comments
/// are left as they are.
pub(crate) fn numbered_placeholders(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len() + 16);
    let mut highest = 0u32;
    let mut chars = sql.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                for (_, inner) in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '-' if chars.peek().is_some_and(|&(_, n)| n == '-') => {
                out.push(c);
                for (_, inner) in chars.by_ref() {
                    out.push(inner);
                    if inner == '\n' {
                        break;
                    }
                }
            }
            '?' => {
                let mut digits = String::new();
                while let Some(&(_, d)) = chars.peek().filter(|(_, d)| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                let number = match digits.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => highest + 1,
                };
                highest = highest.max(number);
                out.push('$');
                out.push_str(&number.to_string());
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::numbered_placeholders as n;

    #[test]
    fn placeholders_are_numbered_as_sqlite_counts_them_outside_quoted_text() {
        assert_eq!(n("SELECT 1"), "SELECT 1");
        assert_eq!(n("a = ? AND b = ?"), "a = $1 AND b = $2");
        assert_eq!(
            n("a = ?1 OR b = ?1 AND c = ?"),
            "a = $1 OR b = $1 AND c = $2"
        );
        assert_eq!(n("a = ?2, b = ?"), "a = $2, b = $3");
        assert_eq!(
            n("x = '?p=' || ? AND \"odd?\" = ? -- why?\n AND y = ?"),
            "x = '?p=' || $1 AND \"odd?\" = $2 -- why?\n AND y = $3"
        );
        assert_eq!(n("'it''s ?' = ?"), "'it''s ?' = $1");
    }
}
