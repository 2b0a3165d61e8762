/** `jixiao export FILE.json --xlsx OUT.xlsx | --html OUT.html`: score and lay out as the official table. */
import { writeFile } from 'node:fs/promises';
import { exportHtml, exportWorkbook } from '../../excel/export/index.js';
import { scoreMany } from '../../excel/score.js';
import { loadJixiao } from '../../jixiao.js';
import { parseArgs, readJsonInput } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, opts, unknown } = parseArgs(args, ['xlsx', 'html', 'lang']);
  const targets = [opts.xlsx, opts.html].filter((x) => x !== undefined && x !== '');
  if (positional.length !== 1 || unknown.length || targets.length === 0) {
    io.stderr(`用法 / usage: jixiao ${exportCommand.usage}\n`);
    return 2;
  }
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const scored = scoreMany(loadJixiao(), input.value, lang);
  if (!scored.ok) {
    io.stderr(`第${scored.index + 1}张表单无效，共${scored.problems.length}个问题 / invalid form:\n` + problemLines(scored.problems));
    return 2;
  }
  try {
    if (opts.xlsx) await writeFile(opts.xlsx, await exportWorkbook(scored.items));
    if (opts.html) await writeFile(opts.html, exportHtml(scored.items), 'utf8');
  } catch (err) {
    io.stderr(`无法写入：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const findings = scored.items.reduce((n, it) => n + it.result.findings.length, 0);
  io.stdout(`已导出${scored.items.length}张表单（${findings}个问题）：${targets.join(', ')}\n`);
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: '评分并导出为官方版式的 xlsx 或可打印的 HTML / export the scored form(s)',
  usage: 'export FILE.json --xlsx OUT.xlsx | --html OUT.html',
  run,
};
