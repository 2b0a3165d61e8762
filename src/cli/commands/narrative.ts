/** `jixiao narrative FILE.json`: the 项目绩效自评综述 paragraph of each form. */
import { scoreMany } from '../../excel/score.js';
import { loadJixiao } from '../../jixiao.js';
import { summaryParagraph } from '../../narrative/index.js';
import { parseArgs, readJsonInput } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, unknown } = parseArgs(args, []);
  if (positional.length !== 1 || unknown.length) {
    io.stderr(`用法 / usage: jixiao ${narrativeCommand.usage}\n`);
    return 2;
  }
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const scored = scoreMany(loadJixiao(), input.value);
  if (!scored.ok) {
    io.stderr(`第${scored.index + 1}张表单无效，共${scored.problems.length}个问题 / invalid form:\n` + problemLines(scored.problems));
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
  usage: 'narrative FILE.json',
  run,
};
