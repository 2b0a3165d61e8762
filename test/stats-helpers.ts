/** Helpers of the bureau-tool tests: a temporary SQLite store behind the app, keys made on demand, forms built to a known score. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createKey, ensureBootstrapKey } from '../src/auth/keys.js';
import { buildApp } from '../src/http/app.js';
import type { Config } from '../src/config.js';
import { openStore } from '../src/store/index.js';
import type { Repository } from '../src/store/repository.js';
import { form, indicator, type Json } from './support/forms.js';

const CLI = { keyId: null, name: 'test', role: 'cli' as const };

export interface StoreApp {
  app: FastifyInstance;
  store: Repository;
  dir: string;
  bureau: string;
  /** A unit key for 单位代码 `agency` (region 140000), made once. */
  unitKey(agency: string): Promise<string>;
  deptKey(dept: string): Promise<string>;
  /** Submits a form with its unit's key; resolves to {id, version}. */
  submit(f: Json): Promise<{ id: string; version: number }>;
  get(url: string, key: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, key: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function storeApp(t: Test, config: Partial<Config> = {}): Promise<StoreApp> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-stats-'));
  const store = await openStore({ dataDir: dir });
  const boot = await ensureBootstrapKey(store);
  if (!boot.created || !boot.key) throw new Error('no bootstrap key');
  const bureau = boot.key;
  const app = await buildApp({ config: { logLevel: 'silent', ...config }, store });
  t.teardown(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const units = new Map<string, string>();
  const depts = new Map<string, string>();
  const unitKey = async (agency: string) => {
    const k = units.get(agency) ?? (await createKey(store, { name: `unit ${agency}`, role: 'unit', unit: agency, dept: null, region: '140000' }, CLI)).key;
    units.set(agency, k);
    return k;
  };
  const deptKey = async (dept: string) => {
    const k = depts.get(dept) ?? (await createKey(store, { name: `dept ${dept}`, role: 'department', unit: null, dept, region: null }, CLI)).key;
    depts.set(dept, k);
    return k;
  };
  const auth = (key: string) => ({ authorization: `Bearer ${key}` });
  const get: StoreApp['get'] = (url, key, headers = {}) => app.inject({ method: 'GET', url, headers: { ...auth(key), ...headers } });
  const post: StoreApp['post'] = (url, key, body, headers = {}) =>
    app.inject({ method: 'POST', url, headers: { ...auth(key), ...headers }, payload: typeof body === 'string' ? body : (body as object) });
  const submit = async (f: Json) => {
    const res = await post('/v1/submissions', await unitKey(String(f.agencyCode)), f);
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`submit ${res.statusCode}: ${res.body}`);
    const b = res.json() as { id: string; version: number };
    return { id: b.id, version: b.version };
  };
  return { app, store, dir, bureau, unitKey, deptKey, submit, get, post };
}

/**
 * A form of department `dept` (unit dept + "100") whose computed total is known: funds 100 of 100
 * (10 points) plus one indicator of 90 points, "≥100人次", actual `actual`人次 → 10 + 0.9 × actual.
 * 100 → 100.00 优, 80 → 82.00 良, 60 → 64.00 中, 40 → 46.00 差.
 */
export function known(dept: string, n: number, actual: number, over: Json = {}): Json {
  return form(
    { mofDivCode: '140000', deptCode: dept, deptName: `部门${dept}`, agencyCode: `${dept}100`, agencyName: `单位${dept}`, fiscalYear: 2022, proCode: `P${dept}${String(n).padStart(3, '0')}`, proName: `项目${n}`, ...over },
    [indicator({ points: 90, actual: `${actual}人次`, deviationNote: actual >= 100 ? '无偏差' : '进度滞后' })],
  );
}

/** The computed total of known(…, actual). */
export const knownTotal = (actual: number): string => (10 + (90 * actual) / 100).toFixed(2);
