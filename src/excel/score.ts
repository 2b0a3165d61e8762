/**
 * Glue between the workbook and the core: score imported forms with the findings pointed at
 * their cells, and score the forms handed to an export (one form, an array, or {forms: […]}).
 */
import type { Finding, Lang } from '../core/codes.js';
import type { Form } from '../core/model/form.js';
import type { ScoreResult } from '../core/model/result.js';
import type { Policy } from '../core/policy/types.js';
import type { Jixiao } from '../jixiao.js';
import { attachCells, type ImportedForm } from './import/index.js';

export interface ScoredImport {
  sheet: string;
  ok: boolean;
  form?: Form;
  result?: ScoreResult;
  /** Import findings, then validation problems or scoring findings, each with its cell. */
  findings: Finding[];
}

export function scoreImported(jx: Jixiao, imported: ImportedForm, lang: Lang = 'zh'): ScoredImport {
  const out = jx.scoreInput(imported.form, { lang });
  if (!out.ok) {
    return { sheet: imported.sheet, ok: false, findings: [...imported.findings, ...attachCells(out.problems, imported.cells)] };
  }
  const result = { ...out.result, findings: attachCells(out.result.findings, imported.cells) };
  return { sheet: imported.sheet, ok: true, form: out.form, result, findings: [...imported.findings, ...result.findings] };
}

/** The forms of a request body or a file: one form, an array of forms, or { forms: [...] }. */
export function formsOf(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (input && typeof input === 'object' && Array.isArray((input as { forms?: unknown }).forms)) return (input as { forms: unknown[] }).forms;
  return [input];
}

export type ScoreMany =
  | { ok: true; items: { form: Form; result: ScoreResult }[] }
  | { ok: false; index: number; problems: Finding[] };

export const MAX_EXPORT_FORMS = 200;

/** Score each form; `policy` (a `?policy=` / `--policy` choice) for all of them, else each form's own (region and year). */
export function scoreMany(jx: Jixiao, input: unknown, lang: Lang = 'zh', policy?: Policy): ScoreMany {
  const forms = formsOf(input);
  const items: { form: Form; result: ScoreResult }[] = [];
  for (let i = 0; i < forms.length; i++) {
    const out = jx.scoreInput(forms[i], { lang, policy });
    if (!out.ok) return { ok: false, index: i, problems: out.problems };
    items.push({ form: out.form, result: out.result });
  }
  return { ok: true, items };
}
