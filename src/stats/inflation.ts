/**
 * The self-score inflation index per department (bureau view): how far each department's filed
 * self-evaluations sit above what the rules give, from the stored forms of one year (and the
 * year before, for the targets). Exact decimals throughout; shares are percentages.
 *
 * Per department:
 *   gap          filed total − computed total, over the forms that filed a total: mean and
 *                quantiles (min, p25, median, p75, max; linear interpolation between order statistics);
 *   fullMarks    share of forms whose every scored indicator row is filed at full points (a row
 *                without a filed score counts with its computed score);
 *   equalActual  share of quantitative rows whose actual equals the target exactly (same number,
 *                same unit when both have one);
 *   noNote       share of rows scored below full points (computed) whose 偏差原因分析 is empty
 *                (or "无", "无偏差", "—");
 *   belowPrevious share of positive (≥, >) quantitative targets at or below — reverse (≤, <) at or
 *                above — the previous year's actual of the same project (unit + project key) and
 *                indicator (by name), over the rows where the previous year is stored and comparable.
 *
 * Composite index, 0–100 (two decimals):
 *   index = 100 × Σ wᵢ·cᵢ / Σ wᵢ over the components that have a value, with
 *   c_gap = min(max(mean gap, 0) / 10, 1) (a mean gap of 10 points or more counts fully), w 0.30;
 *   c_fullMarks = share, w 0.20; c_equalActual = share, w 0.20; c_noNote = share, w 0.15;
 *   c_belowPrevious = share, w 0.15 (shares as fractions 0–1). null when no component has a value.
 */
import { Dec, fmt, sum, ZERO } from '../core/decimal.js';
import type { IndicatorResult, ParsedValueOut, ScoreResult } from '../core/model/result.js';
import type { SourceRef } from './document.js';

/** What the index reads of a parsed target or actual. */
export type Measured = Pick<ParsedValueOut, 'kind' | 'operator' | 'value' | 'baseValue' | 'unit' | 'baseUnit'>;
/** What the index reads of an indicator row's result. */
export type InflationIndicator = Pick<IndicatorResult, 'index' | 'name' | 'status' | 'score' | 'points' | 'reportedScore'> & { target: Measured; actual: Measured };

/** The part of a result the index reads (a whole ScoreResult will do): a year's worth stays small. */
export function compactResult(r: Pick<ScoreResult, 'total' | 'indicators'>): { total: string; indicators: InflationIndicator[] } {
  const m = (v: ParsedValueOut): Measured => ({ kind: v.kind, operator: v.operator, value: v.value, baseValue: v.baseValue, unit: v.unit, baseUnit: v.baseUnit });
  return {
    total: r.total,
    indicators: r.indicators.map((i) => ({
      index: i.index,
      name: i.name,
      status: i.status,
      score: i.score,
      points: i.points,
      reportedScore: i.reportedScore,
      target: m(i.target),
      actual: m(i.actual),
    })),
  };
}

export interface InflationForm {
  ref: SourceRef;
  deptCode: string;
  deptName: string | null;
  agencyCode: string;
  projectKey: string;
  /** The filed total (reportedTotal), when the form printed one. */
  reportedTotal: string | null;
  result: { total: string; indicators: InflationIndicator[] };
  /** The stored input's indicator rows (for the deviation notes), by the row index of the result. */
  notes: (string | null)[];
}

export interface Quantiles {
  min: string;
  p25: string;
  median: string;
  p75: string;
  max: string;
}

export interface InflationRow {
  deptCode: string;
  deptName: string | null;
  forms: number;
  gap: { forms: number; mean: string | null; quantiles: Quantiles | null };
  fullMarks: { forms: number; count: number; share: string | null };
  equalActual: { rows: number; count: number; share: string | null };
  noNote: { rows: number; count: number; share: string | null };
  belowPrevious: { rows: number; count: number; share: string | null };
  index: string | null;
  /** The submissions read (id + version). */
  sources: SourceRef[];
}

export const WEIGHTS = { gap: '0.30', fullMarks: '0.20', equalActual: '0.20', noNote: '0.15', belowPrevious: '0.15' } as const;
/** A mean gap of this many points (or more) counts fully in the index. */
export const GAP_SATURATION = '10';
const EMPTY_NOTE = /^(无|无偏差|没有偏差|—|-|\/|无。)?$/;
const HUNDRED = new Dec(100);

/** Linear-interpolation quantile of sorted values (R type 7), exactly. */
export function quantile(sorted: readonly Dec[], q: Dec): Dec {
  const pos = q.times(sorted.length - 1);
  // An index, not an amount: a float is exact for it.
  const lo = Math.floor(Number(pos.toString()));
  const frac = pos.minus(lo);
  if (lo + 1 >= sorted.length) return sorted[sorted.length - 1];
  return sorted[lo].plus(sorted[lo + 1].minus(sorted[lo]).times(frac));
}

export function quantiles(values: readonly Dec[]): Quantiles | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a.comparedTo(b));
  const at = (q: string) => fmt(quantile(s, new Dec(q)), 2);
  return { min: fmt(s[0], 2), p25: at('0.25'), median: at('0.5'), p75: at('0.75'), max: fmt(s[s.length - 1], 2) };
}

const shareOf = (count: number, of: number): string | null => (of === 0 ? null : fmt(new Dec(count).times(HUNDRED).div(of), 2));

const scored = (r: InflationForm['result']) => r.indicators.filter((i) => i.status !== 'skipped');

function isFullMarks(r: InflationForm['result']): boolean {
  const rows = scored(r);
  return rows.length > 0 && rows.every((i) => new Dec(i.reportedScore ?? i.score).gte(new Dec(i.points)));
}

/** A parsed value's number in its base unit when it has one, and that unit. */
function measure(v: Measured): { n: Dec; unit: string | null } | null {
  if (v.kind !== 'quantitative') return null;
  const raw = v.baseValue ?? v.value;
  if (raw === null) return null;
  return { n: new Dec(raw), unit: v.baseUnit ?? v.unit };
}

function comparable(a: { unit: string | null }, b: { unit: string | null }): boolean {
  return a.unit === null || b.unit === null || a.unit === b.unit;
}

function actualEqualsTarget(i: InflationIndicator): boolean | null {
  const t = measure(i.target);
  const a = measure(i.actual);
  if (!t || !a) return null;
  return comparable(t, a) && t.n.eq(a.n);
}

type PrevIndex = Map<string, Map<string, Measured>>;

/** The previous year's actuals by "unit|project key" and indicator name. */
export function previousIndex(prev: readonly InflationForm[]): PrevIndex {
  const out: PrevIndex = new Map();
  for (const f of prev) {
    const m = new Map<string, Measured>();
    for (const i of scored(f.result)) m.set(i.name, i.actual);
    out.set(`${f.agencyCode}|${f.projectKey}`, m);
  }
  return out;
}

/** Is the target at or below (positive) / at or above (reverse) last year's actual? null when not comparable. */
function belowPrevious(i: InflationIndicator, prev: Measured | undefined): boolean | null {
  const op = i.target.operator;
  if (!prev || (op !== 'GE' && op !== 'GT' && op !== 'LE' && op !== 'LT')) return null;
  const t = measure(i.target);
  const a = measure(prev);
  if (!t || !a || !comparable(t, a)) return null;
  return op === 'GE' || op === 'GT' ? t.n.lte(a.n) : t.n.gte(a.n);
}

interface Counts {
  gaps: Dec[];
  full: number;
  eqRows: number;
  eq: number;
  lowRows: number;
  noNote: number;
  prevRows: number;
  prev: number;
}

function countForm(c: Counts, f: InflationForm, prev: PrevIndex): void {
  if (f.reportedTotal !== null) c.gaps.push(new Dec(f.reportedTotal).minus(new Dec(f.result.total)));
  if (isFullMarks(f.result)) c.full++;
  const last = prev.get(`${f.agencyCode}|${f.projectKey}`);
  for (const i of scored(f.result)) {
    const eq = actualEqualsTarget(i);
    if (eq !== null) {
      c.eqRows++;
      if (eq) c.eq++;
    }
    if (new Dec(i.score).lt(new Dec(i.points))) {
      c.lowRows++;
      if (EMPTY_NOTE.test((f.notes[i.index] ?? '').trim())) c.noNote++;
    }
    const below = belowPrevious(i, last?.get(i.name));
    if (below !== null) {
      c.prevRows++;
      if (below) c.prev++;
    }
  }
}

/** The composite index from the row's components (see the file's comment). */
export function compositeIndex(row: Omit<InflationRow, 'index' | 'sources'>): string | null {
  const parts: [Dec, Dec][] = [];
  if (row.gap.mean !== null) {
    const g = new Dec(row.gap.mean);
    const c = g.lt(ZERO) ? ZERO : g.gt(new Dec(GAP_SATURATION)) ? new Dec(1) : g.div(new Dec(GAP_SATURATION));
    parts.push([new Dec(WEIGHTS.gap), c]);
  }
  const share = (s: string | null, w: string) => {
    if (s !== null) parts.push([new Dec(w), new Dec(s).div(HUNDRED)]);
  };
  share(row.fullMarks.share, WEIGHTS.fullMarks);
  share(row.equalActual.share, WEIGHTS.equalActual);
  share(row.noNote.share, WEIGHTS.noNote);
  share(row.belowPrevious.share, WEIGHTS.belowPrevious);
  if (parts.length === 0) return null;
  const weights = sum(parts.map(([w]) => w));
  return fmt(sum(parts.map(([w, c]) => w.times(c))).times(HUNDRED).div(weights), 2);
}

/** One row per department, in department-code order. `previous` is the year before (may be empty). */
export function inflationTable(forms: readonly InflationForm[], previous: readonly InflationForm[] = []): InflationRow[] {
  const prev = previousIndex(previous);
  const byDept = new Map<string, InflationForm[]>();
  for (const f of forms) {
    const l = byDept.get(f.deptCode);
    if (l) l.push(f);
    else byDept.set(f.deptCode, [f]);
  }
  return [...byDept.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([deptCode, fs]) => {
      const c: Counts = { gaps: [], full: 0, eqRows: 0, eq: 0, lowRows: 0, noNote: 0, prevRows: 0, prev: 0 };
      for (const f of fs) countForm(c, f, prev);
      const row: Omit<InflationRow, 'index' | 'sources'> = {
        deptCode,
        deptName: fs.find((f) => f.deptName)?.deptName ?? null,
        forms: fs.length,
        gap: { forms: c.gaps.length, mean: c.gaps.length ? fmt(sum(c.gaps).div(c.gaps.length), 2) : null, quantiles: quantiles(c.gaps) },
        fullMarks: { forms: fs.length, count: c.full, share: shareOf(c.full, fs.length) },
        equalActual: { rows: c.eqRows, count: c.eq, share: shareOf(c.eq, c.eqRows) },
        noNote: { rows: c.lowRows, count: c.noNote, share: shareOf(c.noNote, c.lowRows) },
        belowPrevious: { rows: c.prevRows, count: c.prev, share: shareOf(c.prev, c.prevRows) },
      };
      return { ...row, index: compositeIndex(row), sources: fs.map((f) => f.ref) };
    });
}

export const SORT_KEYS = ['index', 'gap', 'fullMarks', 'equalActual', 'noNote', 'belowPrevious', 'forms', 'department'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

function sortValue(r: InflationRow, k: SortKey): Dec | string | null {
  switch (k) {
    case 'index':
      return r.index === null ? null : new Dec(r.index);
    case 'gap':
      return r.gap.mean === null ? null : new Dec(r.gap.mean);
    case 'forms':
      return new Dec(r.forms);
    case 'department':
      return r.deptCode;
    default: {
      const s = r[k].share;
      return s === null ? null : new Dec(s);
    }
  }
}

/** Sorts by a key ("-index" descending); rows without a value go last either way; ties by department code. */
export function sortRows(rows: readonly InflationRow[], spec: string): InflationRow[] {
  const desc = spec.startsWith('-');
  const key = (desc ? spec.slice(1) : spec) as SortKey;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.deptCode.localeCompare(b.deptCode) : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x.comparedTo(y as Dec);
    return (desc ? -c : c) || a.deptCode.localeCompare(b.deptCode);
  });
}

export const CSV_COLUMNS = [
  'deptCode', 'deptName', 'forms', 'gapForms', 'gapMean', 'gapMin', 'gapP25', 'gapMedian', 'gapP75', 'gapMax',
  'fullMarksForms', 'fullMarksShare', 'equalActualRows', 'equalActualShare', 'noNoteRows', 'noNoteShare',
  'belowPreviousRows', 'belowPreviousShare', 'index',
] as const;

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // A leading =, +, - or @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV (RFC 4180, CRLF), one line per department, with a header line. */
export function inflationCsv(rows: readonly InflationRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const q = r.gap.quantiles;
    lines.push(
      [
        r.deptCode, r.deptName, r.forms, r.gap.forms, r.gap.mean, q?.min ?? null, q?.p25 ?? null, q?.median ?? null, q?.p75 ?? null, q?.max ?? null,
        r.fullMarks.count, r.fullMarks.share, r.equalActual.rows, r.equalActual.share, r.noNote.rows, r.noNote.share,
        r.belowPrevious.rows, r.belowPrevious.share, r.index,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
