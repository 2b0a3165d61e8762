/**
 * `jixiao import FILE.xlsx [--sheet NAME] [--mof-div-code CODE] [--score]`: 自评表 workbook → JSON.
 *
 * One shape whatever the workbook and the flags, the same as the answer of POST /v1/import
 * (ImportAnswer in api/openapi.json):
 *
 *   {"forms": [{"sheet", "layout", "form", "cells", "findings", "result"? , "problems"?}], "findings": [...]}
 *
 * one entry a sheet read; `result` (a valid form) or `problems` (an invalid one) only with --score.
 * The findings are also printed on stderr, one a line, for people. Exit 0, or 2 when the file
 * cannot be read or (with --score) a form is invalid.
 */
import { readFile } from 'node:fs/promises';
import type { Finding } from '../../core/codes.js';
import { importWorkbook } from '../../excel/import/index.js';
import { scoreImported } from '../../excel/score.js';
import { loadJixiao } from '../../jixiao.js';
import { parseArgs } from '../input.js';
import type { CliIO, Command } from '../types.js';

export function findingLines(list: readonly Finding[]): string {
  return list.map((f) => `${f.severity}\t${f.code}\t${f.cell ?? (f.pointer || '/')}\t${f.message}\n`).join('');
}

async function run(args: string[], io: CliIO): Promise<number> {
  const wantScore = args.includes('--score');
  const { positional, opts, unknown } = parseArgs(args.filter((a) => a !== '--score'), ['sheet', 'mof-div-code', 'lang']);
  if (positional.length !== 1 || unknown.length) {
    io.stderr(`用法 / usage: jixiao ${importCommand.usage}\n`);
    return 2;
  }
  let buf: Buffer;
  try {
    buf = await readFile(positional[0]);
  } catch (err) {
    io.stderr(`无法读取 ${positional[0]}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const r = await importWorkbook(buf, { sheet: opts.sheet, mofDivCode: opts['mof-div-code'] || undefined, lang });
  if (!r.ok) {
    io.stderr(findingLines(r.findings));
    return 2;
  }
  io.stderr(findingLines([...r.findings, ...r.forms.flatMap((f) => f.findings)]));
  const jx = wantScore ? loadJixiao() : null;
  let ok = true;
  const forms = r.forms.map((f) => {
    const base = { sheet: f.sheet, layout: f.layout, form: f.form, cells: f.cells, findings: f.findings };
    if (!jx) return base;
    const s = scoreImported(jx, f, lang);
    if (s.ok) return { ...base, result: s.result };
    ok = false;
    // As in POST /v1/import: the validation problems, after the import findings already listed.
    const problems = s.findings.slice(f.findings.length);
    io.stderr(findingLines(problems));
    return { ...base, problems };
  });
  io.stdout(JSON.stringify({ forms, findings: r.findings }, null, 2) + '\n');
  return ok ? 0 : 2;
}

export const importCommand: Command = {
  name: 'import',
  summary: '读取自评表工作簿（xlsx），输出表单 JSON / read a 自评表 workbook into forms',
  usage: 'import FILE.xlsx [--sheet NAME] [--mof-div-code CODE] [--score]',
  run,
};
