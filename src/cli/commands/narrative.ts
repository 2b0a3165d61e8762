/** `jixiao narrative FILE.json`: the 项目绩效自评综述 paragraph of each form. */
import { scoreMany } from '../../excel/score.js';
import { loadJixiao } from '../../jixiao.js';
import { summaryParagraph } from '../../narrative/index.js';
import { argProblem, parseArgs, readJsonInput, usageError } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { invalidHeader, problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, []);
  const { positional } = parsed;
  const why = argProblem(parsed, { flags: [], positional: 1 });
  if (why) return usageError(io, 'narrative', narrativeCommand.usage, why);
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const scored = scoreMany(loadJixiao(), input.value);
  if (!scored.ok) {
    io.stderr(invalidHeader(scored.problems, `第${scored.index + 1}张`) + problemLines(scored.problems));
    return 2;
  }
  const texts = scored.items.map((it) =>
    scored.items.length > 1 ? `【${it.form.proName}】\n${summaryParagraph(it.result, it.form)}` : summaryParagraph(it.result, it.form),
  );
  io.stdout(texts.join('\n\n') + '\n');
  return 0;
}

export const narrativeCommand: Command = {
  name: 'narrative',
  summary: '生成项目绩效自评综述 / write the 自评综述 paragraph',
  usage: 'narrative FILE.json|-',
  help: `为 FILE 中的表单（一张 JSON 表单，或 JSON 数组中的多张）评分，并写出“项目绩效自评综述”段落，
可直接复制到自评报告或决算公开材料中。多张表单时每段前标出项目名称。

退出码 / exit: 0 已写出；2 文件无法读取或表单无效（每个问题一行写在 stderr）。

例 / example:
  jixiao narrative test/fixtures/seed/01-jingban.json
`,
  run,
};
