/**
 * A migration is one SQL script for both engines. The few dialect differences are tokens:
 *   {{autoid}}  an auto-incremented integer primary key
 *   {{idref}}   a column that refers to one
 *   {{num}}     an exact decimal: NUMERIC in PostgreSQL, TEXT (a decimal string) in SQLite
 * When the engines need different statements (SQLite cannot drop a constraint: it rebuilds the
 * table), `sqlite` holds SQLite's script and `sql` PostgreSQL's.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** SQLite's own script, when it differs. */
  sqlite?: string;
  /** SQLite: runs with foreign keys off (a table rebuild); PRAGMA foreign_key_check must pass before COMMIT. */
  rebuildsTables?: boolean;
}
