/**
 * Service configuration from environment variables, validated once at start. Every variable is
 * declared once, below, in `ConfigSchema`: its name, its default (written as it would be in the
 * environment, and parsed like a value that was set), what it means, and how it is read. The
 * `Config` type is the schema's output, `DEFAULT_CONFIG` is the schema applied to an empty
 * environment, and the README's configuration table is generated from it
 * (`npx tsx scripts/config-doc.ts --write`; a test fails when the README is stale).
 *
 * A bad value is a ConfigError naming every variable at fault; src/server.ts prints it and exits 1.
 * To add a variable: one entry in ConfigSchema (with `num`, `bytes`, `oneOf`, `flag`, `text` or
 * `optional`), then regenerate the README table.
 */
import { z } from 'zod';

/** What the README says about one variable. */
export interface EnvDoc {
  /** The variable's name in the environment. */
  env: string;
  /** The default as written in the environment; null when unset means "off" / "none". */
  default: string | null;
  /** One line, for the README table. */
  doc: string;
}

/** The environment name and documentation of each field of ConfigSchema. */
export const ENV_DOCS = z.registry<EnvDoc>();

type Parsed<T> = { value: T } | { error: string };

/** A variable with a default: the default string goes through the same parser as a set value. */
function variable<T>(env: string, dflt: string, doc: string, parse: (s: string) => Parsed<T>) {
  const schema = z
    .string()
    .optional()
    .transform((s, ctx): T => {
      const r = parse((s ?? dflt).trim());
      if ('error' in r) {
        ctx.addIssue({ code: 'custom', message: `${r.error} (got "${s}")` });
        return z.NEVER;
      }
      return r.value;
    });
  ENV_DOCS.add(schema, { env, default: dflt, doc });
  return schema;
}

/** A variable without a default: null when unset. */
function optional<T>(env: string, doc: string, parse: (s: string) => Parsed<T>) {
  const schema = z
    .string()
    .optional()
    .transform((s, ctx): T | null => {
      if (s === undefined) return null;
      const r = parse(s.trim());
      if ('error' in r) {
        ctx.addIssue({ code: 'custom', message: `${r.error} (got "${s}")` });
        return z.NEVER;
      }
      return r.value;
    });
  ENV_DOCS.add(schema, { env, default: null, doc });
  return schema;
}

/** A whole number from min to max. */
const num = (env: string, dflt: string, min: number, max: number, doc: string) =>
  variable<number>(env, dflt, doc, (s) => {
    const n = /^\d{1,10}$/.test(s) ? Number(s) : NaN;
    return Number.isSafeInteger(n) && n >= min && n <= max ? { value: n } : { error: `must be a whole number from ${min} to ${max}` };
  });

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
const MAX_BYTES = 1024 ** 3;

/** "1048576", "512kb", "1mb" → bytes; whole numbers only, 1 byte to 1 GiB. */
const bytes = (env: string, dflt: string, doc: string) =>
  variable<number>(env, dflt, doc, (s) => {
    const m = /^(\d{1,10})\s*([a-z]*)$/i.exec(s);
    const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
    const n = m && unit !== undefined ? Number(m[1]) * unit : NaN;
    return Number.isSafeInteger(n) && n >= 1 && n <= MAX_BYTES
      ? { value: n }
      : { error: 'must be a size in bytes between 1 and 1gb, e.g. 1048576 or 1mb' };
  });

/** One of a few words (case-insensitive). */
const oneOf = <const W extends readonly [string, ...string[]]>(env: string, words: W, dflt: W[number], doc: string) =>
  variable(env, dflt, doc, (s): Parsed<W[number]> => {
    const v = s.toLowerCase();
    return (words as readonly string[]).includes(v) ? { value: v as W[number] } : { error: `must be one of ${words.join(', ')}` };
  });

/** 1 / true / yes / on, or 0 / false / no / off. */
const flag = (env: string, dflt: '0' | '1', doc: string) =>
  variable(env, dflt, doc, (s): Parsed<boolean> => {
    const v = s.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return { value: true };
    if (['0', 'false', 'no', 'off'].includes(v)) return { value: false };
    return { error: 'must be 1 or 0' };
  });

/** Text matching a pattern. */
const matching = (rx: RegExp, error: string) => (s: string): Parsed<string> => (rx.test(s) ? { value: s } : { error });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable, once. Keys are the Config fields; the registry holds each one's environment name. */
export const ConfigSchema = z.object({
  // ---- the server
  port: num('PORT', '3000', 0, 65535, 'port to listen on'),
  host: variable('HOST', '0.0.0.0', 'address to bind', matching(/^\S{1,255}$/, 'must be a host name or address')),
  logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info', 'pino level'),
  shutdownTimeoutMs: num('SHUTDOWN_TIMEOUT_MS', '10000', 0, 600_000, 'grace for requests in flight after SIGTERM'),
  benchBaseline: flag('BENCH_BASELINE', '0', '`1` registers `POST /bench/echo` (for bench/ only)'),
  // ---- scoring and request limits
  defaultPolicy: optional(
    'DEFAULT_POLICY',
    'a policy id used when a request names none (instead of the policy in force); must exist',
    matching(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a policy id such as national-2020'),
  ),
  bodyLimit: bytes('BODY_LIMIT', '1mb', 'largest JSON body'),
  batchBodyLimit: bytes('BATCH_BODY_LIMIT', '32mb', 'largest JSON-array body of `/v1/score/batch`'),
  batchLineLimit: bytes('BATCH_LINE_LIMIT', '1mb', 'largest NDJSON line of `/v1/score/batch`'),
  batchMaxItems: num('BATCH_MAX_ITEMS', '10000', 1, 1_000_000, 'most forms in one JSON-array batch'),
  // ---- workbook import (a pool of reader processes; src/excel/pool.ts)
  importWorkers: num('IMPORT_WORKERS', '2', 1, 64, 'reader processes that read uploaded workbooks (`POST /v1/import`, workbook jobs)'),
  importQueue: num('IMPORT_QUEUE', '4', 0, 1000, 'imports that may wait for a worker; beyond that 503 with `Retry-After`'),
  importTimeoutMs: num('IMPORT_TIMEOUT_MS', '15000', 100, 600_000, 'longest time one workbook may take to read (then 413 `IMPORT_TOO_LARGE`; the reader is killed and replaced), and a workbook waits at most half of it for a free reader (then 503); keep 1.5 × this below `IDLE_TIMEOUT_MS`'),
  importMemoryMb: num('IMPORT_MEMORY_MB', '512', 128, 16_384, 'heap limit of each reader process (`--max-old-space-size`; resident memory at most 1.5 × this + 160 MB); a workbook over it gets 413 and kills its reader only'),
  importMaxRows: num('IMPORT_MAX_ROWS', '10000', 1, 1_000_000, 'most rows in one sheet; a longer sheet is refused before it is read'),
  // ---- storage
  dataDir: variable('DATA_DIR', './data', 'folder of the SQLite database `jixiao.db` (and of `bootstrap-key`)', matching(/^.{1,4096}$/, 'must be a path')),
  databaseUrl: optional(
    'DATABASE_URL',
    '`postgres://…`: use PostgreSQL instead of SQLite',
    matching(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  ),
  pgConnectTimeoutMs: num('PG_CONNECT_TIMEOUT_MS', '5000', 1, 600_000, 'PostgreSQL: longest wait for a connection (then 503)'),
  pgStatementTimeoutMs: num('PG_STATEMENT_TIMEOUT_MS', '15000', 1, 3_600_000, 'PostgreSQL: longest statement (then 503)'),
  pgPoolMax: num('PG_POOL_MAX', '10', 1, 1000, 'PostgreSQL: connections per instance'),
  readyTimeoutMs: num('READY_TIMEOUT_MS', '1000', 1, 60_000, '`/readyz` answers 503 when the store does not answer a ping within this'),
  // ---- asynchronous jobs (POST /v1/jobs; src/jobs/)
  jobMaxForms: num('JOB_MAX_FORMS', '1000000', 1, 100_000_000, 'most forms in one job (else 413 `JOB_TOO_LARGE`)'),
  jobMaxActive: num('JOB_MAX_ACTIVE', '4', 1, 10_000, 'unfinished jobs one API key may have at once (else 429 `JOB_LIMIT`)'),
  jobBodyLimit: variable('JOB_BODY_LIMIT', '4gb', 'largest NDJSON body of `POST /v1/jobs` (a JSON array is held to `BATCH_BODY_LIMIT`, a workbook to 20 MB)', (s): Parsed<number> => {
    const m = /^(\d{1,10})\s*([a-z]*)$/i.exec(s);
    const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
    const n = m && unit !== undefined ? Number(m[1]) * unit : NaN;
    return Number.isSafeInteger(n) && n >= 1 && n <= 1024 * MAX_BYTES ? { value: n } : { error: 'must be a size in bytes between 1 and 1024gb, e.g. 4gb' };
  }),
  jobRetentionHours: num('JOB_RETENTION_HOURS', '168', 1, 87_600, 'finished (done or cancelled) jobs and their results are purged this many hours after they finish'),
  jobChunk: num('JOB_CHUNK', '200', 1, 10_000, 'forms the job worker scores and commits in one transaction'),
  jobIdleMs: num('JOB_IDLE_MS', '1000', 10, 600_000, 'the job worker looks for work this often when idle (a new job on this instance wakes it at once)'),
  jobWorker: flag('JOB_WORKER', '1', '`0`: this instance accepts and answers jobs but scores none (another instance does)'),
  callbackOrigins: optional('CALLBACK_ORIGINS', 'comma-separated origins a job callback may be sent to, e.g. `https://yth.example.gov.cn`; unset: no callbacks (422 `CALLBACK_NOT_ALLOWED`)', (s): Parsed<string[]> => {
    const list = s.split(',').map((o) => o.trim()).filter((o) => o !== '');
    return list.length > 0 && list.every((o) => /^https?:\/\/[^\s/]+$/.test(o)) ? { value: list } : { error: 'must be origins such as https://yth.example.gov.cn, comma-separated' };
  }),
  callbackMaxAttempts: num('CALLBACK_MAX_ATTEMPTS', '6', 1, 100, 'deliveries of a job callback before it is given up (each attempt is recorded on the job)'),
  callbackBackoffMs: num('CALLBACK_BACKOFF_MS', '2000', 1, 3_600_000, 'wait before the first retry of a callback; doubled after each failed attempt'),
  callbackBackoffMaxMs: num('CALLBACK_BACKOFF_MAX_MS', '300000', 1, 86_400_000, 'longest wait between two callback attempts'),
  callbackTimeoutMs: num('CALLBACK_TIMEOUT_MS', '10000', 100, 600_000, 'a callback receiver must answer within this (else the attempt fails)'),
  // ---- reviews (复核 / 抽评; src/review/)
  reviewRules: oneOf('REVIEW_RULES', ['off', 'practice'] as const, 'off', '`practice`: reviews apply the re-check rule pack `scoring/practice/review-rules.json` (third-party practice, not policy) unless a request says `?rules=off`; `off`: only with `?rules=practice`'),
  // ---- keys
  bootstrapKey: optional(
    'BOOTSTRAP_KEY',
    'the first bureau key; else one is generated on the first start and written to `DATA_DIR/bootstrap-key` (mode 0600)',
    matching(/^[\x21-\x7e]{24,256}$/, 'must be 24 to 256 printable ASCII characters'),
  ),
  authScoring: oneOf('AUTH_SCORING', ['optional', 'required'] as const, 'optional', '`required`: the scoring routes need an API key too'),
  // ---- security and limits of the HTTP layer (src/http/limits.ts, ratelimit.ts; README "Security and limits")
  headersTimeoutMs: num('HEADERS_TIMEOUT_MS', '10000', 100, 600_000, 'the request line and headers must arrive within this (else 408)'),
  bodyTimeoutMs: num('BODY_TIMEOUT_MS', '60000', 0, 3_600_000, 'a whole request body (not an NDJSON stream) must arrive within this (else 408); 0: off'),
  requestTimeoutMs: num('REQUEST_TIMEOUT_MS', '1800000', 0, 86_400_000, 'any request, NDJSON streams included, must have arrived within this (else 408); 0: off'),
  idleTimeoutMs: num('IDLE_TIMEOUT_MS', '30000', 0, 3_600_000, 'a connection with nothing read or written for this long is closed (408 if a request was under way); 0: off'),
  keepAliveTimeoutMs: num('KEEP_ALIVE_TIMEOUT_MS', '5000', 1, 600_000, 'an idle keep-alive connection is closed after this'),
  maxConnectionsPerIp: num('MAX_CONNECTIONS_PER_IP', '256', 0, 1_000_000, 'open connections from one IP; the next one gets 429 and is closed; 0: no cap'),
  maxHeaderBytes: bytes('MAX_HEADER_SIZE', '16kb', 'largest request line plus headers (else 431)'),
  drainLimit: bytes('DRAIN_LIMIT', '64mb', 'an error answered before the body was read first reads and discards up to this much of it (so that clients read the answer); beyond, `Connection: close`'),
  drainTimeoutMs: num('DRAIN_TIMEOUT_MS', '10000', 0, 600_000, 'longest time spent discarding such a body'),
  rateLimitMax: num('RATE_LIMIT_MAX', '6000', 0, 1_000_000_000, 'requests per `RATE_LIMIT_WINDOW_MS` from one IP (probes exempt; else 429); 0: off'),
  rateLimitKeyMax: num('RATE_LIMIT_KEY_MAX', '6000', 0, 1_000_000_000, 'requests per `RATE_LIMIT_WINDOW_MS` with one API key (else 429); 0: off'),
  rateLimitWindowMs: num('RATE_LIMIT_WINDOW_MS', '60000', 1000, 86_400_000, 'the rate-limit window'),
  authFailMax: num('AUTH_FAIL_MAX', '20', 0, 1_000_000, 'wrong API keys from one IP per `AUTH_FAIL_WINDOW_MS` before its keyed requests get 429 (the block doubles with each attempt during it); 0: off'),
  authFailWindowMs: num('AUTH_FAIL_WINDOW_MS', '60000', 1000, 86_400_000, 'the wrong-key window, and the first block'),
  rateLimitStore: oneOf('RATE_LIMIT_STORE', ['memory', 'database'] as const, 'memory', 'where the rate-limit and wrong-key counters live: `memory` (each instance counts on its own) or `database` (shared by every instance through PostgreSQL, table `rate_limits`; needs a PostgreSQL `DATABASE_URL`)'),
  rateLimitDbWaitMs: num('RATE_LIMIT_DB_WAIT_MS', '2000', 100, 60_000, '`RATE_LIMIT_STORE=database`: longest wait for PostgreSQL to count a request; beyond it (or on an error) the instance counts in its own memory, logs a warning and tries PostgreSQL again 5 s later'),
  trustProxy: variable('TRUST_PROXY', '0', '`1`: trust `X-Forwarded-For` from any proxy; or a comma-separated list of proxy addresses / CIDRs; `0`: the socket address is the client', (s): Parsed<boolean | string> => {
    const v = s.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return { value: true };
    if (['0', 'false', 'no', 'off'].includes(v)) return { value: false };
    return /^[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*$/i.test(s) ? { value: s } : { error: 'must be 1, 0 or a comma-separated list of addresses / CIDRs' };
  }),
  corsOrigins: optional('CORS_ORIGINS', 'comma-separated origins allowed to call the API from a browser (CORS); unset: CORS off', (s): Parsed<string[]> => {
    const list = s.split(',').map((o) => o.trim()).filter((o) => o !== '');
    return list.length > 0 && list.every((o) => /^https?:\/\/[^\s/]+$/.test(o)) ? { value: list } : { error: 'must be origins such as https://example.gov.cn, comma-separated' };
  }),
  maxEventLoopDelayMs: num('MAX_EVENT_LOOP_DELAY_MS', '1000', 0, 60_000, 'above this mean event-loop delay new requests get 503 with `Retry-After` (under-pressure); 0: off'),
  envelope: flag('ENVELOPE', '0', '`1`: every JSON answer, success or problem, is wrapped as `{code, msg, data}` (as `?envelope=1` does; `?envelope=0` turns it off per request); NDJSON, Excel and text answers never are'),
  publicUrl: variable('PUBLIC_URL', '/', 'the base URL in the OpenAPI `servers` (default: the server that serves the document)', matching(/^(\/|https?:\/\/\S+)$/, 'must be / or an http(s) URL')),
});

export type Config = z.output<typeof ConfigSchema>;
export type ConfigKey = keyof Config;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`jixiao：配置错误（环境变量）/ invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** The environment name and documentation of every variable, in the schema's order. */
export function envDocs(): (EnvDoc & { key: ConfigKey })[] {
  return (Object.entries(ConfigSchema.shape) as [ConfigKey, z.ZodType][]).map(([key, s]) => {
    const d = ENV_DOCS.get(s);
    if (!d) throw new Error(`config field ${key} has no environment variable`);
    return { key, ...d };
  });
}

function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const names = new Map<string, string>();
  const picked: Record<string, string> = {};
  for (const [key, s] of Object.entries(schema.shape)) {
    const d = ENV_DOCS.get(s as z.ZodType);
    if (!d) throw new Error(`config field ${key} has no environment variable`);
    names.set(key, d.env);
    const v = env[d.env];
    if (v !== undefined && v.trim() !== '') picked[key] = v; // empty counts as unset
  }
  const r = schema.safeParse(picked);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${names.get(String(i.path[0])) ?? String(i.path[0])}: ${i.message}`));
  return r.data;
}

/** Read the configuration from `env`; empty variables count as unset. Throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseEnv(ConfigSchema, env);
}

/** Some of the configuration only (the CLI reads the store's variables and no others). */
export function loadConfigPart<K extends ConfigKey>(keys: readonly K[], env: Record<string, string | undefined> = process.env): Pick<Config, K> {
  const mask = Object.fromEntries(keys.map((k) => [k, true]));
  return parseEnv(ConfigSchema.pick(mask as never), env) as unknown as Pick<Config, K>;
}

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze(loadConfig({}));
