/**
 * Service configuration from environment variables, validated once at start. A bad value is
 * a ConfigError naming every variable at fault; src/server.ts prints it and exits 1.
 *
 *   PORT                 port to listen on                                  3000
 *   HOST                 address to bind                                    0.0.0.0
 *   LOG_LEVEL            fatal | error | warn | info | debug | trace | silent   info
 *   DEFAULT_POLICY       policy id used when a request names none (instead of the policy in
 *                        force for the form's region and year); must exist   (unset)
 *   BODY_LIMIT           largest JSON body, bytes ("1mb", "512kb" accepted)  1mb
 *   BATCH_BODY_LIMIT     largest JSON-array body of /v1/score/batch          32mb
 *   BATCH_LINE_LIMIT     largest NDJSON line of /v1/score/batch              1mb
 *   BATCH_MAX_ITEMS      most forms in one JSON-array batch                  10000
 *   SHUTDOWN_TIMEOUT_MS  grace for requests in flight after SIGTERM          10000
 *   BENCH_BASELINE       "1" registers POST /bench/echo (bench/ only)        0
 *   DATA_DIR             folder of the SQLite database jixiao.db            ./data
 *   DATABASE_URL         postgres://… : use PostgreSQL instead of SQLite     (unset)
 *   BOOTSTRAP_KEY        the first bureau key (else one is generated and
 *                        printed once to the log on first start)            (unset)
 *   AUTH_SCORING         "required": the scoring routes need an API key too  optional
 */
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  defaultPolicy: string | null;
  bodyLimit: number;
  batchBodyLimit: number;
  batchLineLimit: number;
  batchMaxItems: number;
  shutdownTimeoutMs: number;
  benchBaseline: boolean;
  /** Storage (src/store): SQLite in dataDir unless databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  bootstrapKey: string | null;
  /** AUTH_SCORING=required: the scoring routes ask for an API key as well. */
  authScoring: 'optional' | 'required';
}

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  defaultPolicy: null,
  bodyLimit: 1024 * 1024,
  batchBodyLimit: 32 * 1024 * 1024,
  batchLineLimit: 1024 * 1024,
  batchMaxItems: 10_000,
  shutdownTimeoutMs: 10_000,
  benchBaseline: false,
  dataDir: './data',
  databaseUrl: null,
  bootstrapKey: null,
  authScoring: 'optional',
});

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration / 配置错误:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
const MAX_BYTES = 1024 ** 3;

/** "1048576", "512kb", "1mb" → bytes; whole numbers only, 1 byte to 1 GiB. */
const bytes = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return fallback;
      const m = /^(\d{1,10})\s*([a-z]*)$/i.exec(s.trim());
      const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
      const n = m && unit !== undefined ? Number(m[1]) * unit : NaN;
      if (!Number.isSafeInteger(n) || n < 1 || n > MAX_BYTES) {
        ctx.addIssue({ code: 'custom', message: `must be a size in bytes between 1 and 1gb, e.g. 1048576 or 1mb (got "${s}")` });
        return z.NEVER;
      }
      return n;
    });

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return fallback;
      const n = /^\d{1,10}$/.test(s.trim()) ? Number(s.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got "${s}")` });
        return z.NEVER;
      }
      return n;
    });

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: int(DEFAULT_CONFIG.port, 0, 65535),
  HOST: z.string().trim().min(1).max(255).default(DEFAULT_CONFIG.host),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? DEFAULT_CONFIG.logLevel).trim().toLowerCase();
      if (!(LEVELS as readonly string[]).includes(v)) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${LEVELS.join(', ')} (got "${s}")` });
        return z.NEVER;
      }
      return v as Config['logLevel'];
    }),
  DEFAULT_POLICY: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be a policy id such as national-2020')
    .optional(),
  BODY_LIMIT: bytes(DEFAULT_CONFIG.bodyLimit),
  BATCH_BODY_LIMIT: bytes(DEFAULT_CONFIG.batchBodyLimit),
  BATCH_LINE_LIMIT: bytes(DEFAULT_CONFIG.batchLineLimit),
  BATCH_MAX_ITEMS: int(DEFAULT_CONFIG.batchMaxItems, 1, 1_000_000),
  SHUTDOWN_TIMEOUT_MS: int(DEFAULT_CONFIG.shutdownTimeoutMs, 0, 600_000),
  BENCH_BASELINE: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const v = (s ?? '0').trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `must be 1 or 0 (got "${s}")` });
      return z.NEVER;
    }),
  DATA_DIR: z.string().trim().min(1).max(4096).default(DEFAULT_CONFIG.dataDir),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BOOTSTRAP_KEY: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{24,256}$/, 'must be 24 to 256 printable ASCII characters')
    .optional(),
  AUTH_SCORING: z.enum(['optional', 'required']).default(DEFAULT_CONFIG.authScoring),
});

/** Read the configuration from `env`; empty variables count as unset. Throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== '') picked[key] = v;
  }
  const r = EnvSchema.safeParse(picked);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    defaultPolicy: e.DEFAULT_POLICY ?? null,
    bodyLimit: e.BODY_LIMIT,
    batchBodyLimit: e.BATCH_BODY_LIMIT,
    batchLineLimit: e.BATCH_LINE_LIMIT,
    batchMaxItems: e.BATCH_MAX_ITEMS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    benchBaseline: e.BENCH_BASELINE,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    bootstrapKey: e.BOOTSTRAP_KEY ?? null,
    authScoring: e.AUTH_SCORING,
  };
}
