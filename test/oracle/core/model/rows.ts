/**
 * Indicator rows that are not scored: a template row left blank, and a row whose adjusted target
 * was cleared (Shanxi rule 41). Neither makes a form invalid; every other row needs its names and
 * points. Works on raw input and on a parsed form alike (issue 8, rule 5).
 */
import { finding, ptr, type Finding, type Lang } from '../codes.js';
import { fieldLabel } from './labels.js';

function empty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export type RowKind = 'blank' | 'cleared' | 'row';

export function rowKindOf(r: Record<string, unknown>): RowKind {
  if (empty(r.name) && empty(r.target) && empty(r.actual) && empty(r.points)) return 'blank';
  if (!empty(r.initialTarget) && empty(r.target)) return 'cleared';
  return 'row';
}

const REQUIRED_TEXT = ['level1', 'level2', 'name'] as const;

/** REQUIRED / EMPTY_TEXT for the names and points of every row that is scored. */
export function requiredInRows(list: unknown, lang: Lang): Finding[] {
  if (!Array.isArray(list)) return [];
  const out: Finding[] = [];
  list.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return;
    const r = row as Record<string, unknown>;
    if (rowKindOf(r) !== 'row') return;
    for (const f of REQUIRED_TEXT) {
      const v = r[f];
      if (v === undefined || v === null) out.push(problem('REQUIRED', i, f, lang));
      else if (typeof v === 'string' && v.trim() === '') out.push(problem('EMPTY_TEXT', i, f, lang));
    }
    if (empty(r.points)) out.push(problem('REQUIRED', i, 'points', lang));
  });
  return out;
}

function problem(code: 'REQUIRED' | 'EMPTY_TEXT', i: number, field: string, lang: Lang): Finding {
  return finding(code, ptr('indicators', i, field), { field: fieldLabel(['indicators', i, field]) }, lang);
}
