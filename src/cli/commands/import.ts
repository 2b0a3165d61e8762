/**
 * `jixiao import FILE.xlsx [--score] [--format json|table] [--sheet NAME] [--mof-div-code CODE]`: 自评表 workbook → JSON
 * (or, with --format table, the score tables for a person at a terminal).
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
import type { ScoreResult } from '../../core/model/result.js';
import { argProblem, formatProblem, fsReason, parseArgs, sniff, usageError } from '../input.js';
import { invalidHeader, renderResultTable, SEVERITY_ZH } from './score.js';
import type { CliIO, Command } from '../types.js';

export function findingLines(list: readonly Finding[], zh = false): string {
  return list.map((f) => `${zh ? (SEVERITY_ZH[f.severity] ?? f.severity) : f.severity}\t${f.code}\t${f.cell ?? (f.pointer || '/')}\t${f.message}\n`).join('');
}

/** The sheets read, for people: each scored form as the score table, an unscored one in a line or two. */
function renderImport(forms: ImportEntry[]): string {
  const out: string[] = [];
  for (const f of forms) {
    out.push(`【工作表 / sheet “${f.sheet}”】（${f.layout}）`);
    if (f.result) out.push(renderResultTable(f.result));
    else if (f.problems) out.push(invalidHeader(f.problems).trimEnd(), findingLines(f.problems, true));
    else out.push(`${f.form.proName ?? ''}（${f.form.fiscalYear ?? ''}年度）：读入${f.form.indicators?.length ?? 0}个指标；加 --score 评分`, '');
  }
  return out.join('\n');
}

type ImportEntry = {
  sheet: string;
  layout: string;
  form: { proName?: string; fiscalYear?: number; indicators?: unknown[] };
  findings: Finding[];
  result?: ScoreResult;
  problems?: Finding[];
};

async function run(args: string[], io: CliIO): Promise<number> {
  const wantScore = args.includes('--score');
  const FLAGS = ['sheet', 'mof-div-code', 'lang', 'format', 'score'];
  const parsed = parseArgs(args.filter((a) => a !== '--score'), FLAGS);
  const { positional, opts } = parsed;
  const why = argProblem(parsed, { flags: FLAGS, positional: 1, what: ['工作簿文件名', 'FILE.xlsx'] }) ?? formatProblem(opts.format, ['json', 'table']);
  if (why) return usageError(io, 'import', importCommand.usage, why);
  let buf: Buffer;
  try {
    buf = await readFile(positional[0]);
  } catch (err) {
    io.stderr(`无法读取 ${positional[0]}：${fsReason(err)}\n`);
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const r = await importWorkbook(buf, { sheet: opts.sheet, mofDivCode: opts['mof-div-code'] || undefined, lang });
  if (!r.ok) {
    io.stderr(findingLines(r.findings));
    const kind = sniff(buf);
    if (kind === 'json') io.stderr(`提示 / hint: ${positional[0]} 是 JSON 文件；JSON 表单请用 jixiao score ${positional[0]}\n`);
    else if (kind === 'other' && r.findings.some((f) => f.code === 'IMPORT_NOT_XLSX')) {
      io.stderr('提示 / hint: 请在 Excel 中打开这个文件（.csv、.et、.wps 等），另存为“Excel 工作簿 (*.xlsx)”后再试 / save it as .xlsx in Excel first\n');
    }
    return 2;
  }
  io.stderr(findingLines([...r.findings, ...r.forms.flatMap((f) => f.findings)], opts.format === 'table'));
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
    if (opts.format !== 'table') io.stderr(findingLines(problems));
    return { ...base, problems };
  });
  io.stdout(opts.format === 'table' ? renderImport(forms as ImportEntry[]) : JSON.stringify({ forms, findings: r.findings }, null, 2) + '\n');
  return ok ? 0 : 2;
}

export const importCommand: Command = {
  name: 'import',
  summary: '读取自评表工作簿（xlsx），可评分 / read (and score) a 自评表 workbook',
  usage: 'import FILE.xlsx [--score] [--format json|table] [--sheet NAME] [--mof-div-code CODE] [--lang zh|en]',
  help: `读取 Excel 自评表工作簿（.xlsx；旧版 .xls 请先在 Excel 中另存为 .xlsx）。认得全国通用版式、山西版式
（年初指标值 / 调整后指标值）和四川版式（指标性质 / 度量单位列）；一个工作表一张表单，可有多个工作表。
读不出的内容都会列出，并注明单元格（如 Sheet1!H14）。

选项 / options:
  --score              同时评分（与 jixiao score 相同）
  --format json|table  json（默认）：与 POST /v1/import 相同的 JSON，{"forms": [...], "findings": [...]}，
                       jq '.forms[0].form' 即 jixiao score 可读的表单；table：终端里看的中文表格
  --sheet NAME         只读这个工作表
  --mof-div-code CODE  财政区划代码（如 140000 山西省）；省略时取表中所填，或按单位名称推定
  --lang zh|en         问题说明的语言（默认中文）

读入时发现的问题另写在 stderr，每行：级别、代码、单元格、说明。

退出码 / exit: 0 已读入（有无问题都是 0）；2 文件无法读取、不是有效的 xlsx 工作簿，或（加 --score 时）有表单无效。

例 / example:
  jixiao import test/fixtures/xlsx/03-dalou.xlsx --score --format table
  jixiao import 自评表.xlsx > 读入结果.json
`,
  run,
};
