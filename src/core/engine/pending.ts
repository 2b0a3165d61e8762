/**
 * A finding before it is localised: code, pointer and parameters. The engine collects these and
 * builds the messages (the costly part) only for an answer that carries them.
 */
import { CODES, finding, type Code, type Finding, type Lang, type Severity } from '../codes.js';

export interface Pending {
  code: Code;
  pointer: string;
  params: Record<string, string | number>;
}

export function pending(code: Code, pointer: string, params: Record<string, string | number> = {}): Pending {
  return { code, pointer, params };
}

export function localiseAll(list: readonly Pending[], lang: Lang): Finding[] {
  return list.map((p) => finding(p.code, p.pointer, p.params, lang));
}

/** A localised finding back to its code, pointer and parameters (its message is rebuilt from them). */
export function fromFinding(f: Finding): Pending {
  return { code: f.code, pointer: f.pointer, params: f.params };
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  byCode: Record<string, number>;
}

const SEVERITY = new Map<Code, Severity>(Object.entries(CODES).map(([c, d]) => [c as Code, d.severity]));

/**
 * Counts by severity and by code (in order of first appearance). Counted in two small arrays, the
 * object written once at the end: reading and bumping keys of a growing object took V8's slow
 * keyed path and cost more than the scoring of a row.
 */
export function summaryOf(codes: readonly Code[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const keys: Code[] = [];
  const counts: number[] = [];
  for (const c of codes) {
    const s = SEVERITY.get(c);
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
    else infos++;
    const i = keys.indexOf(c);
    if (i < 0) {
      keys.push(c);
      counts.push(1);
    } else counts[i]++;
  }
  const byCode: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) byCode[keys[i]] = counts[i];
  return { errors, warnings, infos, byCode };
}
