/**
 * API keys: "jx_" + 43 characters of base64url (32 random bytes). Only the sha256 hash is
 * stored; the key itself is shown once, when it is created. A key has a role and a tenancy:
 *   unit        a 预算单位 (agency_code, e.g. 209100) in one 财政区划 (mof_div_code, required) and
 *               under one 主管部门 (dept_code, default the unit code less three digits): submits
 *               forms of that unit, region and department only, and reads its own forms
 *   department  a 主管部门 (dept_code, e.g. 209): reads the forms of its units
 *   bureau      财政: reads all, re-scores, statistics, keys, the audit log
 *   reviewer    复核 / 抽评: re-checks the submissions it may see — with --dept a department's
 *               reviewer (that department's units only), without it the bureau's (its region, or all)
 * A department or bureau key may also be bound to a 财政区划; it then sees only that region.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { NewKeyRow, Repository } from '../store/repository.js';
import type { Actor, ApiKeyRecord, Role, Scope } from '../store/types.js';
import { ROLES } from '../store/types.js';

export const KEY_PREFIX = 'jx_';
const KEY_RX = /^[\x21-\x7e]{24,256}$/;

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function newKeyId(): string {
  return 'key_' + randomBytes(6).toString('hex');
}

/** A plausible key: printable ASCII, 24 to 256 characters (BOOTSTRAP_KEY must be one). */
export function isWellFormedKey(key: string): boolean {
  return KEY_RX.test(key);
}

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  agencyCode: string | null;
  deptCode: string | null;
  mofDivCode: string | null;
}

export function principalOf(k: ApiKeyRecord): Principal {
  return { keyId: k.id, name: k.name, role: k.role, agencyCode: k.agencyCode, deptCode: k.deptCode, mofDivCode: k.mofDivCode };
}

export function actorOf(p: Principal): Actor {
  return { keyId: p.keyId, name: p.name, role: p.role };
}

/** 单位代码 = 部门代码 + 3 digits (integration.md §1.5); a code of three characters or fewer is its own department. */
export function defaultDept(agencyCode: string): string {
  return agencyCode.length > 3 ? agencyCode.slice(0, -3) : agencyCode;
}

/** The department of a unit key: the one it carries (keys made before migration 002 derive it). */
export function unitDept(p: Pick<Principal, 'agencyCode' | 'deptCode'>): string {
  return p.deptCode ?? defaultDept(p.agencyCode ?? '');
}

/** What a principal may read. */
export function scopeOf(p: Principal): Scope {
  const s: Scope = {};
  if (p.role === 'unit') s.agencyCode = p.agencyCode ?? '\u0000';
  if (p.role === 'department') s.deptCode = p.deptCode ?? '\u0000';
  if (p.role === 'reviewer' && p.deptCode) s.deptCode = p.deptCode;
  if (p.mofDivCode) s.mofDivCode = p.mofDivCode;
  return s;
}

/** Whether a record with these codes is inside a principal's tenancy. */
export function inScope(p: Principal, rec: { agencyCode: string; deptCode: string; mofDivCode: string }): boolean {
  const s = scopeOf(p);
  return (
    (s.agencyCode === undefined || s.agencyCode === rec.agencyCode) &&
    (s.deptCode === undefined || s.deptCode === rec.deptCode) &&
    (s.mofDivCode === undefined || s.mofDivCode === rec.mofDivCode)
  );
}

/** Looks a presented key up; null when unknown or revoked. */
export async function authenticate(repo: Repository, key: string): Promise<Principal | null> {
  if (!isWellFormedKey(key)) return null;
  // Looked up by the hash of a high-entropy key: timing reveals nothing about a valid key.
  const rec = await repo.keyByHash(hashKey(key));
  if (!rec || rec.revokedAt) return null;
  return principalOf(rec);
}

export interface KeySpec {
  name: string;
  role: Role;
  unit?: string | null;
  dept?: string | null;
  region?: string | null;
}

export class KeySpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeySpecError';
  }
}

const CODE_RX = /^[0-9A-Za-z]{1,21}$/;
const REGION_RX = /^\d{6}(\d{3})?$/;

/** Checks a key's role and tenancy; returns the row to store (without the hash). */
export function checkKeySpec(spec: KeySpec): Omit<NewKeyRow, 'id' | 'hash' | 'prefix'> {
  const name = spec.name?.trim() ?? '';
  if (!name || name.length > 200) throw new KeySpecError('name: 1 to 200 characters / 名称应为1至200个字符');
  if (!(ROLES as readonly string[]).includes(spec.role)) throw new KeySpecError(`role: one of ${ROLES.join(', ')} / 角色无效`);
  const unit = spec.unit?.trim() || null;
  const dept = spec.dept?.trim() || null;
  const region = spec.region?.trim() || null;
  if (unit !== null && !CODE_RX.test(unit)) throw new KeySpecError(`unit: an agency code such as 209100 / 单位代码无效`);
  if (dept !== null && !CODE_RX.test(dept)) throw new KeySpecError(`dept: a department code such as 209 / 部门代码无效`);
  if (region !== null && !REGION_RX.test(region)) throw new KeySpecError(`region: a 6- or 9-digit mof_div_code such as 140000 / 财政区划代码无效`);
  if (spec.role === 'unit') {
    if (!unit) throw new KeySpecError('a unit key needs --unit (agency code) / 单位密钥须指定单位代码');
    if (!region) throw new KeySpecError('a unit key needs --region (its mof_div_code, e.g. 140000) / 单位密钥须指定财政区划');
    // A unit key carries its department: given, or the unit code less its last three digits (209100 → 209).
    const own = dept ?? defaultDept(unit);
    if (!unit.startsWith(own)) throw new KeySpecError(`dept: the unit code ${unit} does not start with ${own} / 单位代码不属于该部门`);
    return { name, role: spec.role, agencyCode: unit, deptCode: own, mofDivCode: region };
  } else if (spec.role === 'reviewer') {
    // A department's reviewer carries its department; a bureau's reviewer none (its region at most).
    if (unit) throw new KeySpecError('a reviewer key takes --dept (a department reviewer) or nothing (a bureau reviewer) / 复核密钥只能指定部门代码或不指定');
  } else if (spec.role === 'department') {
    if (!dept) throw new KeySpecError('a department key needs --dept (department code) / 部门密钥须指定部门代码');
    if (unit) throw new KeySpecError('a department key takes --dept only / 部门密钥只能指定部门代码');
  } else if (unit || dept) {
    throw new KeySpecError('a bureau key takes no --unit or --dept / 财政密钥不指定单位或部门');
  }
  return { name, role: spec.role, agencyCode: unit, deptCode: dept, mofDivCode: region };
}

/** Creates a key; the plain key is returned here and never again. */
export async function createKey(repo: Repository, spec: KeySpec, actor: Actor): Promise<{ key: string; record: ApiKeyRecord }> {
  const row = checkKeySpec(spec);
  const key = generateKey();
  const record = await repo.createKey({ ...row, id: newKeyId(), hash: hashKey(key), prefix: key.slice(0, 7) }, actor);
  return { key, record };
}

export type BootstrapResult = { created: false } | { created: true; id: string; key: string | null };

/**
 * On start: when no active bureau key exists, create one. With `bootstrapKey` (BOOTSTRAP_KEY)
 * that key is stored (its hash) and not printed; otherwise a new key is generated and returned
 * for the caller to print once. Safe to call on every start and from several instances.
 */
export async function ensureBootstrapKey(repo: Repository, bootstrapKey?: string | null): Promise<BootstrapResult> {
  const given = bootstrapKey?.trim() || null;
  if (given !== null && !isWellFormedKey(given)) {
    throw new KeySpecError('BOOTSTRAP_KEY: 24 to 256 printable ASCII characters / BOOTSTRAP_KEY 应为24至256个可打印ASCII字符');
  }
  const key = given ?? generateKey();
  const id = newKeyId();
  const made = await repo.bootstrapKey({
    id,
    name: given ? 'bootstrap (BOOTSTRAP_KEY)' : 'bootstrap',
    role: 'bureau',
    agencyCode: null,
    deptCode: null,
    mofDivCode: null,
    hash: hashKey(key),
    prefix: key.slice(0, 7),
  });
  if (!made) return { created: false };
  return { created: true, id, key: given ? null : key };
}
