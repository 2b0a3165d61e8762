/** `jixiao import FILE.xlsx [--sheet NAME] [--mof-div-code CODE] [--score]`: 自评表 workbook → forms as JSON. */
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
  if (wantScore) {
    const jx = loadJixiao();
    const scored = r.forms.map((f) => scoreImported(jx, f, lang));
    const out = scored.map((s) => (s.ok ? { sheet: s.sheet, result: s.result } : { sheet: s.sheet, problems: s.findings }));
    io.stdout(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
    return scored.every((s) => s.ok) ? 0 : 2;
  }
  const forms = r.forms.map((f) => f.form);
  io.stdout(JSON.stringify(forms.length === 1 ? forms[0] : forms, null, 2) + '\n');
  return 0;
}

export const importCommand: Command = {
  name: 'import',
  summary: '读取自评表工作簿（xlsx），输出表单 JSON / read a 自评表 workbook into forms',
  usage: 'import FILE.xlsx [--sheet NAME] [--mof-div-code CODE] [--score]',
  run,
};
