/** `jixiao export FILE.json --xlsx OUT.xlsx | --html OUT.html`: score and lay out as the official table. */
import { writeFile } from 'node:fs/promises';
import { exportHtml, exportWorkbook } from '../../excel/export/index.js';
import { scoreMany } from '../../excel/score.js';
import { loadJixiao } from '../../jixiao.js';
import { argProblem, fsReason, parseArgs, readJsonInput, unknownPolicyMessage, usageError } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { invalidHeader, problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['xlsx', 'html', 'lang', 'policy']);
  const { positional, opts } = parsed;
  const targets = [opts.xlsx, opts.html].filter((x) => x !== undefined && x !== '');
  const why =
    argProblem(parsed, { flags: ['xlsx', 'html', 'lang', 'policy'], positional: 1 }) ??
    (targets.length === 0 ? '请用 --xlsx 或 --html 指定要写出的文件 / give --xlsx OUT.xlsx or --html OUT.html' : null);
  if (why) return usageError(io, 'export', exportCommand.usage, why);
  const jx = loadJixiao();
  const policy = opts.policy ? jx.policies.get(opts.policy) : undefined;
  if (opts.policy && !policy) {
    io.stderr(unknownPolicyMessage(opts.policy, jx.policies.list.map((p) => p.id)));
    return 2;
  }
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const scored = scoreMany(jx, input.value, lang, policy);
  if (!scored.ok) {
    io.stderr(invalidHeader(scored.problems, `第${scored.index + 1}张`) + problemLines(scored.problems));
    return 2;
  }
  let file = '';
  try {
    if (opts.xlsx) await writeFile((file = opts.xlsx), await exportWorkbook(scored.items));
    if (opts.html) await writeFile((file = opts.html), exportHtml(scored.items), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOENT on writing: the folder is missing, not the file.
    io.stderr(`无法写入 ${file}：${code === 'ENOENT' ? '所在文件夹不存在（ENOENT）' : fsReason(err)}\n`);
    return 1;
  }
  const findings = scored.items.reduce((n, it) => n + it.result.findings.length, 0);
  io.stdout(`已导出${scored.items.length}张表单（${findings}个问题）：${targets.join(', ')}\n`);
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: '评分并导出为官方版式的 xlsx 或可打印的 HTML / export the scored form(s)',
  usage: 'export FILE.json|- --xlsx OUT.xlsx | --html OUT.html [--policy ID]',
  help: `为 FILE 中的表单（一张 JSON 表单，或 JSON 数组中的多张）评分，写出：
  --xlsx OUT.xlsx   官方版式的自评表工作簿：计算的得分、执行率、总分和等级与填报值并列，
                    每个问题是所在单元格的批注和底色；多张表单另有汇总表
  --html OUT.html   可打印的网页（决算公开附件）
两个可以同时给出。已有的同名文件会被覆盖。
  --lang zh|en      问题说明的语言（默认中文）
  --policy ID       按指定评分政策评分（jixiao policies 列出全部）；省略时按表单的财政区划和年度选用

退出码 / exit: 0 已写出；1 无法写入文件；2 文件无法读取、评分政策未知或表单无效（每个问题一行写在 stderr）。

例 / example:
  jixiao export test/fixtures/seed/01-jingban.json --xlsx 评分结果.xlsx --html 评分结果.html
`,
  run,
};
