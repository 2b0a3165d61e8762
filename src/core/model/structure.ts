/**
 * Structural checks that tolerate half-valid input, so that they can run both on a parsed
 * form (the engine) and on a form that failed validation (to report everything at once).
 */
import { finding, ptr, type Finding, type Lang } from '../codes.js';

function text(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\s+/g, '') : typeof v === 'number' ? String(v) : '';
}

/** The same 三级 name twice under the same 一级 / 二级 is almost always a copy-paste slip. */
export function duplicateIndicators(list: readonly unknown[], lang: Lang = 'zh'): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  list.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) return;
    const r = row as Record<string, unknown>;
    const name = text(r.name);
    if (!name) return;
    const key = `${text(r.level1)}\u0000${text(r.level2)}\u0000${name}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    out.push(
      finding('DUPLICATE_INDICATOR', ptr('indicators', i, 'name'), {
        name: String(r.name).trim(),
        level1: String(r.level1 ?? '').trim(),
        level2: String(r.level2 ?? '').trim(),
        first: first + 1,
      }, lang),
    );
  });
  return out;
}
