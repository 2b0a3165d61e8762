/**
 * PostgreSQL for the store suites: JIXIAO_TEST_PG_URL (set by .ci/postgres.sh) names a server;
 * each suite gets a database of its own, dropped at the end, so suites can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.JIXIAO_TEST_PG_URL?.trim() || null;

export const PG_SKIP = PG_URL
  ? false
  : 'PostgreSQL half skipped: JIXIAO_TEST_PG_URL is not set (`.ci/run` sets it; or `source .ci/postgres.sh`)';

/** A fresh, empty database on the test server; drop() removes it. */
export async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('JIXIAO_TEST_PG_URL is not set');
  const name = 'jx_' + randomBytes(6).toString('hex');
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_URL);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL! });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
