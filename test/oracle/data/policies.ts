/**
 * Loads the scoring policies in scoring/: the only place that touches the files.
 * Each file is parsed by the policy's zod declaration (src/core/policy/schema.ts, from which
 * scoring/policy.schema.json is generated), checked across fields, compiled, and the set is
 * checked as a whole.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePolicy, PolicyCompileError, policyHash, selectPolicy } from '../core/policy/index.js';
import type { Policy, PolicyWhere } from '../core/policy/index.js';

/** Works from src/data (tsx) and from dist/data (built): both sit two levels below the repo root. */
const SCORING_DIR = new URL('../../../scoring/', import.meta.url);
const SCHEMA_FILE = 'policy.schema.json';

export interface PolicyLoadIssue {
  file: string;
  /** JSON pointer into the file; "" for a problem of the whole set. */
  pointer: string;
  message: string;
}

export class PolicyLoadError extends Error {
  constructor(readonly issues: PolicyLoadIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'PolicyLoadError';
  }
}

function formatIssue(i: PolicyLoadIssue): string {
  return `${i.file}: ${i.pointer === '' ? '(root)' : i.pointer} ${i.message}`;
}

export interface PolicyRegistry {
  list: Policy[];
  default: Policy;
  get(id: string): Policy | undefined;
  select(where: PolicyWhere): Policy;
}

/** Load policies from in-memory JSON (tests, or files fetched elsewhere). `name` is used in error messages. */
export function loadPoliciesFrom(files: { name: string; json: unknown }[]): PolicyRegistry {
  const issues: PolicyLoadIssue[] = [];
  const loaded: { file: string; policy: Policy }[] = [];

  for (const { name, json } of files) {
    try {
      loaded.push({ file: name, policy: compilePolicy(json, policyHash(json)) });
    } catch (err) {
      if (!(err instanceof PolicyCompileError)) throw err;
      for (const i of err.issues) issues.push({ file: name, ...i });
    }
  }

  const byId = new Map<string, string>();
  for (const { file, policy } of loaded) {
    const first = byId.get(policy.id);
    if (first !== undefined) issues.push({ file, pointer: '/id', message: `duplicates id "${policy.id}" of ${first}` });
    else byId.set(policy.id, file);
  }
  const defaults = loaded.filter((l) => l.policy.isDefault);
  if (defaults.length > 1) {
    const names = defaults.map((d) => d.file).join(', ');
    for (const d of defaults) issues.push({ file: d.file, pointer: '/default', message: `must be true in one file only (true in ${names})` });
  }
  // A missing default is only worth reporting when the files themselves were fine.
  if (defaults.length === 0 && issues.length === 0) {
    issues.push({ file: files.map((f) => f.name).join(', ') || '(no policy files)', pointer: '/default', message: 'must be true in exactly one file' });
  }
  if (issues.length > 0) throw new PolicyLoadError(issues);

  const list = loaded.map((l) => l.policy).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byIdPolicy = new Map(list.map((p) => [p.id, p]));
  const fallback = defaults[0].policy;
  return Object.freeze({
    list,
    default: fallback,
    get: (id: string) => byIdPolicy.get(id),
    select: (where: PolicyWhere) => selectPolicy(list, where),
  });
}

let cached: PolicyRegistry | undefined;

/**
 * Read every policy file in `dir` (default: the repo's scoring/ folder, cached for the
 * process). Files are named in errors as "<folder>/<file>", e.g. "scoring/bad.json".
 */
export function loadPolicies(dir?: string | URL): PolicyRegistry {
  if (dir === undefined && cached) return cached;
  const path = dir === undefined ? fileURLToPath(SCORING_DIR) : dir instanceof URL ? fileURLToPath(dir) : dir;
  const folder = basename(path.replace(/[\\/]+$/, ''));
  const names = readdirSync(path)
    .filter((f) => f.endsWith('.json') && f !== SCHEMA_FILE)
    .sort();
  const files = names.map((f) => {
    const name = `${folder}/${f}`;
    const text = readFileSync(`${path.replace(/[\\/]+$/, '')}/${f}`, 'utf8');
    try {
      return { name, json: JSON.parse(text) as unknown };
    } catch (err) {
      throw new PolicyLoadError([{ file: name, pointer: '', message: `is not valid JSON: ${(err as Error).message}` }]);
    }
  });
  const registry = loadPoliciesFrom(files);
  if (dir === undefined) cached = registry;
  return registry;
}
