import { loadJixiao } from '../../jixiao.js';
import { parseArgs, readJsonInput } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, opts, unknown } = parseArgs(args, ['lang']);
  if (positional.length !== 1 || unknown.length) {
    io.stderr(`用法 / usage: jixiao ${validateCommand.usage}\n`);
    return 2;
  }
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const v = loadJixiao().validate(input.value, opts.lang === 'en' ? 'en' : 'zh');
  if (!v.ok) {
    io.stderr(`表单无效，共${v.problems.length}个问题 / invalid form:\n` + problemLines(v.problems));
    return 2;
  }
  io.stdout(`表单有效 / valid: ${v.form.proName}（${v.form.fiscalYear}年度，${v.form.indicators.length}个指标）\n`);
  // Unknown fields were stripped: each one is a warning, as in the score's findings.
  if (v.warnings.length > 0) io.stderr(problemLines(v.warnings));
  return 0;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: '只检查表单格式，不评分',
  usage: 'validate FILE|- [--lang zh|en]',
  run,
};
