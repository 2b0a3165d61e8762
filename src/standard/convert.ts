/**
 * The standard shape → jixiao's form input, and back (issue 12 item 1). Pure: the code list
 * (indicators/standard.json) comes in as an argument. Everything is driven by COLUMNS (mapping.ts):
 * each column given is read into its form field; a column the table does not know is an
 * UNKNOWN_FIELD warning; two columns for one field that disagree are a STANDARD_FIELD_CONFLICT;
 * identifiers given as numbers become strings (an unsafe integer is UNSAFE_INTEGER); a row whose
 * identity columns name another project is STANDARD_KEY_MISMATCH; computesign 9 / 10 rows are
 * left to a person (the engine's OPERATOR_NOT_AUTOSCORED). Money is never converted here: the form takes the
 * body's moneyUnit (default 元), so a 元 body and its 万元 twin give the same 执行率 and scores.
 */
import { finding, ptr, type Finding, type Lang } from '../core/codes.js';
import { Dec } from '../core/decimal.js';
import { readDecimal } from '../core/model/fields.js';
import { UNKNOWN_FIELDS_LISTED } from '../core/model/structure.js';
import { composeTarget } from '../core/parse/compose.js';
import type { StandardCodes } from './codes.js';
import { COLUMNS, ROWS_OF, TABLES, TOP_KEYS, columnsOf, type Column, type Table } from './mapping.js';

export type Json = Record<string, unknown>;

export interface Conversion {
  /** The form input (camelCase), for validateForm / scoring. */
  form: Json;
  /** Errors: the body cannot be scored (pointers in standard terms). */
  problems: Finding[];
  /** Warnings and infos that join the result's findings (pointers in standard terms). */
  findings: Finding[];
  /** Form pointer → the standard pointer of the column that supplied it. */
  pointers: Map<string, string>;
  /** Per indicator row: the target came from the structured columns (kpi_val is composed on output). */
  structured: boolean[];
  moneyUnit: string;
}

/** A body in the standard shape: an object with at least one of the four table keys. */
export function isStandardShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  for (const t of TABLES) if (Object.prototype.hasOwnProperty.call(body, t)) return true;
  return false;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function blank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Two values of one field agree: the same text, or the same number however written. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  const sa = String(a).trim();
  const sb = String(b).trim();
  if (sa === sb) return true;
  const da = readDecimal(a);
  const db = readDecimal(b);
  return da.ok && db.ok && da.value !== undefined && db.value !== undefined && da.value.eq(db.value);
}

/** An identifier as an opaque string: numbers only when they are safe integers. */
type IdRead = { ok: true; value: unknown } | { ok: false };
function readId(v: unknown): IdRead {
  if (typeof v !== 'number') return { ok: true, value: typeof v === 'string' ? v.trim() : v };
  return Number.isSafeInteger(v) ? { ok: true, value: String(v) } : { ok: false };
}

function setPath(target: Json, path: readonly string[], value: unknown): void {
  let o = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isObject(o[path[i]])) o[path[i]] = {};
    o = o[path[i]] as Json;
  }
  o[path[path.length - 1]] = value;
}

const ORDER = new Map<Table, Column[]>(TABLES.map((t) => [t, COLUMNS.filter((c) => c.table === t)]));

/** What a row is checked against: the header's identity columns, as strings. */
type HeaderKeys = Map<string, string>;

class Converter {
  readonly problems: Finding[] = [];
  readonly findings: Finding[] = [];
  readonly pointers = new Map<string, string>();

  constructor(
    private readonly codes: StandardCodes,
    private readonly lang: Lang,
  ) {}

  private problem(code: Parameters<typeof finding>[0], pointer: string, params: Record<string, string | number>): void {
    this.problems.push(finding(code, pointer, params, this.lang));
  }

  private note(code: Parameters<typeof finding>[0], pointer: string, params: Record<string, string | number>): void {
    this.findings.push(finding(code, pointer, params, this.lang));
  }

  private unknown = 0;

  /** UNKNOWN_FIELD for each key the table does not know: the first 20 by name, the rest counted (finish()). */
  unknownKeys(o: Json, known: (k: string) => boolean, at: string): void {
    for (const k of Object.keys(o)) {
      if (known(k)) continue;
      if (++this.unknown > UNKNOWN_FIELDS_LISTED) continue;
      const key = k.slice(0, 64);
      this.note('UNKNOWN_FIELD', at + ptr(key), { field: at.slice(1) ? `${at.slice(1)}/${key}` : key });
    }
  }

  finish(): void {
    if (this.unknown > UNKNOWN_FIELDS_LISTED) this.note('UNKNOWN_FIELDS_MORE', '', { count: this.unknown - UNKNOWN_FIELDS_LISTED });
  }

  /**
   * One row (or the header) of `table` into `out`. Returns the computesign entry when the row has
   * one, so the caller can treat 9 / 10.
   */
  row(table: Table, row: Json, at: string, formAt: string, out: Json, header: HeaderKeys | null): { sign?: string; structured: boolean } {
    const cols = columnsOf(table);
    this.unknownKeys(row, (k) => cols.has(k), at);
    const winners = new Map<string, Column>();
    let sign: string | undefined;
    let structured = false;
    for (const col of ORDER.get(table)!) {
      if (!has(row, col.column)) continue;
      const raw = row[col.column];
      const here = at + ptr(col.column);
      if (blank(raw)) continue;
      if ((col.kind === 'kept' || col.kind === 'key') && typeof raw === 'object') {
        // Carried and stored as sent: a scalar, never a structure nobody has bounded.
        this.problem('INVALID_TYPE', here, { field: col.column, expected: '文本或数值', received: Array.isArray(raw) ? '数组' : '对象' });
        continue;
      }
      if (col.kind === 'kept') continue;
      if (col.kind === 'key') {
        this.checkKey(col, raw, here, header);
        continue;
      }
      let value: unknown = raw;
      if (col.kind === 'id' || col.kind === 'code') {
        const r = readId(raw);
        if (!r.ok) {
          this.problem('UNSAFE_INTEGER', here, { field: col.column, value: String(raw) });
          continue;
        }
        value = r.value;
      } else if (col.kind === 'computesign') {
        const code = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
        const entry = this.codes.computesign[code];
        if (!entry) {
          this.problem('INVALID_VALUE', here, { field: col.column, value: String(typeof raw === 'object' ? JSON.stringify(raw) : raw).slice(0, 40) });
          continue;
        }
        sign = code;
        // 9 / 10 reach the engine as the code itself: its operator vocabulary reads them as
        // "not scored automatically" (OPERATOR_NOT_AUTOSCORED), the target kept as written.
        value = entry.scorable ? entry.column : code;
      }
      if (col.column === 'indexval') structured = true;
      const key = col.into!.join('.');
      const winner = winners.get(key);
      if (winner) {
        // kpi_val is what the vendor composes from indexval: compare it with that composition.
        const used = winner.column === 'indexval' ? composeTarget(this.codes.computesign[String(row.computesign ?? '').trim()]?.operator ?? null, String(row.indexval), blank(row.meterunit) ? '' : String(row.meterunit)) : row[winner.column];
        if (!same(used, raw)) this.note('STANDARD_FIELD_CONFLICT', here, { field: col.column, value: String(raw), other: winner.column, used: String(used) });
        continue;
      }
      winners.set(key, col);
      setPath(out, col.into!, value);
      this.pointers.set(formAt + col.into!.map((s) => '/' + s).join(''), here);
    }
    return { sign, structured };
  }

  private checkKey(col: Column, raw: unknown, here: string, header: HeaderKeys | null): void {
    const r = readId(raw);
    if (!r.ok) {
      this.problem('UNSAFE_INTEGER', here, { field: col.column, value: String(raw) });
      return;
    }
    const expected = header?.get(col.column);
    if (expected !== undefined && String(r.value) !== expected) {
      this.problem('STANDARD_KEY_MISMATCH', here, { field: col.column, value: String(r.value).slice(0, 40), expected });
    }
  }

}

/** The header's identity columns as strings, for the rows' checks. */
function headerKeys(header: Json): HeaderKeys {
  const out: HeaderKeys = new Map();
  for (const k of ['eval_id', 'fiscal_year', 'mof_div_code', 'agency_code', 'pro_code']) {
    const v = header[k];
    if (blank(v)) continue;
    const r = readId(v);
    if (r.ok && (typeof r.value === 'string' || typeof r.value === 'number')) out.set(k, String(r.value).trim());
  }
  return out;
}

/**
 * The standard body → the form input, every problem and finding in standard terms, and the
 * pointer map that turns the form's pointers back into the body's.
 */
export function standardToForm(body: Json, codes: StandardCodes, lang: Lang = 'zh'): Conversion {
  const cv = new Converter(codes, lang);
  cv.unknownKeys(body, (k) => (TABLES as readonly string[]).includes(k) || (TOP_KEYS as readonly string[]).includes(k), '');
  const moneyUnit = blank(body.moneyUnit) ? codes.moneyUnit : body.moneyUnit;
  const form: Json = { moneyUnit };
  cv.pointers.set('/moneyUnit', '/moneyUnit');
  const structured: boolean[] = [];
  const header = body.pm_perf_self_eval;
  if (header === undefined || header === null) {
    cv.problems.push(finding('REQUIRED', '/pm_perf_self_eval', { field: 'pm_perf_self_eval' }, lang));
  } else if (!isObject(header)) {
    cv.problems.push(finding('INVALID_TYPE', '/pm_perf_self_eval', { field: 'pm_perf_self_eval', expected: '对象', received: Array.isArray(header) ? '数组' : typeof header }, lang));
  } else {
    cv.row('pm_perf_self_eval', header, '/pm_perf_self_eval', '', form, null);
  }
  const keys = isObject(header) ? headerKeys(header) : new Map<string, string>();
  for (const table of ['pm_self_eval_goal', 'pm_self_eval_indicator', 'pm_perf_self_bgt'] as const) {
    const list = body[table];
    if (list === undefined || list === null) continue;
    const path = ROWS_OF[table];
    const formAt = path.map((s) => '/' + s).join('');
    if (!Array.isArray(list)) {
      setPath(form, path, list); // the form's own check says what is wrong, at the table's pointer
      continue;
    }
    const rows = list.map((row, i) => {
      if (!isObject(row)) return row;
      const out: Json = {};
      const r = cv.row(table, row, `/${table}/${i}`, `${formAt}/${i}`, out, keys);
      if (table === 'pm_self_eval_indicator') {
        structured[i] = r.structured;
      }
      return out;
    });
    setPath(form, path, rows);
  }
  cv.finish();
  return { form, problems: cv.problems, findings: cv.findings, pointers: cv.pointers, structured, moneyUnit: String(moneyUnit) };
}

// ---- pointers ----------------------------------------------------------------------------------

/** The primary column of each form field: the first standard column, else the first of any source. */
const PRIMARY = new Map<string, string>();
for (const col of COLUMNS) {
  if (!col.into) continue;
  const key = col.table + ' ' + col.into.join('.');
  const prior = PRIMARY.get(key);
  if (prior === undefined || (col.source === 'standard' && COLUMNS.find((c) => c.table === col.table && c.column === prior)?.source !== 'standard')) {
    PRIMARY.set(key, col.column);
  }
}

function fieldPointer(table: Table, base: string, rest: string[]): string {
  if (rest.length === 0) return base;
  // The longest form path a column reads into (funds.points is two segments).
  for (let n = Math.min(2, rest.length); n >= 1; n--) {
    const column = PRIMARY.get(table + ' ' + rest.slice(0, n).join('.'));
    if (column) return base + ptr(column) + rest.slice(n).map((s) => '/' + s).join('');
  }
  return base + rest.map((s) => '/' + s).join('');
}

/** A form pointer in the standard body's terms ("/indicators/3/actual" → "/pm_self_eval_indicator/3/ind_comp"). */
export function standardPointer(pointer: string, pointers?: ReadonlyMap<string, string>): string {
  const hit = pointers?.get(pointer);
  if (hit !== undefined) return hit;
  if (pointer === '' || pointer === '/moneyUnit' || pointer.startsWith('/pm_')) return pointer;
  const seg = pointer.split('/').slice(1);
  if (seg[0] === 'indicators') return rowPointer('pm_self_eval_indicator', seg.slice(1), pointers);
  if (seg[0] === 'goals') return rowPointer('pm_self_eval_goal', seg.slice(1), pointers);
  if (seg[0] === 'funds' && seg[1] === 'rows') return rowPointer('pm_perf_self_bgt', seg.slice(2), pointers);
  if (seg[0] === 'funds' && seg.length > 1) return fieldPointer('pm_perf_self_eval', '/pm_perf_self_eval', seg);
  if (seg[0] === 'funds') return '/pm_perf_self_bgt';
  return fieldPointer('pm_perf_self_eval', '/pm_perf_self_eval', seg);
}

function rowPointer(table: Table, seg: string[], pointers?: ReadonlyMap<string, string>): string {
  if (seg.length === 0) return '/' + table;
  const base = `/${table}/${seg[0]}`;
  if (seg.length >= 2) {
    // A column that actually supplied the field (a vendor column, say) beats the primary one.
    const formAt = table === 'pm_perf_self_bgt' ? '/funds/rows' : table === 'pm_self_eval_goal' ? '/goals' : '/indicators';
    const hit = pointers?.get(`${formAt}/${seg[0]}/${seg[1]}`);
    if (hit !== undefined) return hit + seg.slice(2).map((s) => '/' + s).join('');
  }
  return fieldPointer(table, base, seg.slice(1));
}

/** Every finding's pointer in standard terms. */
export function standardFindings<T extends { pointer: string }>(list: readonly T[], pointers?: ReadonlyMap<string, string>): T[] {
  return list.map((f) => ({ ...f, pointer: standardPointer(f.pointer, pointers) }));
}

// ---- form → standard -------------------------------------------------------------------------------

/** The primary column of each (table, form field), for writing a form as a standard body. */
function columnFor(table: Table, field: string): string | undefined {
  return PRIMARY.get(table + ' ' + field);
}

export interface FormToStandard {
  body: Json;
  /** What could not be placed (UNKNOWN_FIELD, an operator with no computesign code). */
  findings: Finding[];
}

const MONEY = new Set(COLUMNS.filter((c) => c.kind === 'money').map((c) => c.column));

/**
 * A form (as sent, camelCase) → the standard body. Amounts stay in the form's unit unless
 * `moneyUnit` asks for the other one; then they are converted exactly (1 万元 = 10000 元).
 * The operator column becomes computesign (its code), the target and unit columns indexval and
 * meterunit; otherwise the target is kpi_val.
 */
export function formToStandard(form: Json, codes: StandardCodes, opts: { moneyUnit?: '元' | '万元'; lang?: Lang } = {}): FormToStandard {
  const lang = opts.lang ?? 'zh';
  const findings: Finding[] = [];
  const from = typeof form.moneyUnit === 'string' && form.moneyUnit.trim() !== '' ? form.moneyUnit.trim() : '万元';
  const to = opts.moneyUnit ?? from;
  const factor = from === to ? null : to === '元' ? new Dec(10000) : new Dec('0.0001');
  const money = (v: unknown): unknown => {
    if (!factor || blank(v)) return v;
    const r = readDecimal(v);
    return r.ok && r.value !== undefined ? r.value.times(factor).toString() : v;
  };
  const header: Json = {};
  const body: Json = { moneyUnit: to, pm_perf_self_eval: header };
  const place = (table: Table, src: Json, out: Json, at: string, skip: readonly string[]) => {
    for (const k of Object.keys(src)) {
      if (skip.includes(k) || src[k] === undefined) continue;
      const column = columnFor(table, k);
      if (!column) {
        findings.push(finding('UNKNOWN_FIELD', at + ptr(k), { field: k }, lang));
        continue;
      }
      out[column] = MONEY.has(column) ? money(src[k]) : src[k];
    }
  };
  place('pm_perf_self_eval', form, header, '', ['moneyUnit', 'kind', 'funds', 'goals', 'indicators']);
  if (isObject(form.funds)) {
    if (form.funds.points !== undefined) header.jx_exe_points = form.funds.points;
    if (Array.isArray(form.funds.rows)) {
      body.pm_perf_self_bgt = form.funds.rows.map((r, i) => {
        const out: Json = {};
        if (isObject(r)) place('pm_perf_self_bgt', r, out, `/funds/rows/${i}`, []);
        return out;
      });
    }
  }
  if (Array.isArray(form.goals)) {
    body.pm_self_eval_goal = form.goals.map((g, i) => {
      const out: Json = {};
      if (isObject(g)) place('pm_self_eval_goal', g, out, `/goals/${i}`, []);
      return out;
    });
  }
  if (Array.isArray(form.indicators)) {
    body.pm_self_eval_indicator = form.indicators.map((ind, i) => indicatorRow(ind, i, codes, place, findings, lang));
  }
  return { body, findings };
}

type Place = (table: Table, src: Json, out: Json, at: string, skip: readonly string[]) => void;

function indicatorRow(ind: unknown, i: number, codes: StandardCodes, place: Place, findings: Finding[], lang: Lang): Json {
  const out: Json = {};
  if (!isObject(ind)) return out;
  const at = `/indicators/${i}`;
  place('pm_self_eval_indicator', ind, out, at, ['operator', 'unit', 'target']);
  const structured = !blank(ind.operator) || !blank(ind.unit);
  if (!structured) {
    if (ind.target !== undefined) out.kpi_val = ind.target;
    return out;
  }
  if (ind.target !== undefined) out.indexval = ind.target;
  if (!blank(ind.unit)) out.meterunit = ind.unit;
  if (!blank(ind.operator)) {
    const code = signCode(String(ind.operator), codes);
    if (code === undefined) findings.push(finding('UNKNOWN_FIELD', at + '/operator', { field: `operator（${String(ind.operator)}）` }, lang));
    else out.computesign = code;
  }
  return out;
}

/** The computesign code of an operator column as a form writes it ("≥", "＞", "定性", "1"). */
function signCode(text: string, codes: StandardCodes): string | undefined {
  const t = text.trim();
  for (const [code, e] of Object.entries(codes.computesign)) {
    if (t === code || t === e.label || t === e.column) return code;
  }
  return undefined;
}

/** A standard body's key for batch answers: eval_id, else pro_code (as written); null for anything else. */
export function standardKey(body: unknown): string | null {
  if (!isStandardShape(body)) return null;
  const h = (body as Json).pm_perf_self_eval;
  if (!isObject(h)) return null;
  for (const k of ['eval_id', 'pro_code']) {
    const v = h[k];
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 64) return v.trim();
  }
  return null;
}

/** A standard body less what its tables do not know (as stored: unknown columns are warned about, never kept). */
export function stripUnknown(body: Json): Json {
  const out: Json = {};
  for (const k of TOP_KEYS) if (body[k] !== undefined) out[k] = body[k];
  for (const t of TABLES) {
    const v = body[t];
    if (v === undefined) continue;
    const keep = (row: unknown) => {
      if (!isObject(row)) return row;
      const cols = columnsOf(t);
      const r: Json = {};
      for (const [k, x] of Object.entries(row)) if (cols.has(k) && x !== undefined) r[k] = x;
      return r;
    };
    out[t] = Array.isArray(v) ? v.map(keep) : keep(v);
  }
  return out;
}
