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

export function summaryOf(codes: readonly Code[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  const byCode = new Map<Code, number>();
  for (const c of codes) {
    const s = SEVERITY.get(c);
    if (s === 'error') errors++;
    else if (s === 'warning') warnings++;
    else infos++;
    byCode.set(c, (byCode.get(c) ?? 0) + 1);
  }
  return { errors, warnings, infos, byCode: Object.fromEntries(byCode) };
}
