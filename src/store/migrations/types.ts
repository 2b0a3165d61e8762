/**
 * A migration is one SQL script for both engines. The few dialect differences are tokens:
 *   {{autoid}}  an auto-incremented integer primary key
 *   {{idref}}   a column that refers to one
 *   {{num}}     an exact decimal: NUMERIC in PostgreSQL, TEXT (a decimal string) in SQLite
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
