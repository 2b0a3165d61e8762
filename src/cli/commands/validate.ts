import { loadJixiao } from '../../jixiao.js';
import { argProblem, parseArgs, readJsonInput, usageError } from '../input.js';
import type { CliIO, Command } from '../types.js';
import { invalidHeader, problemLines } from './score.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['lang']);
  const { positional, opts } = parsed;
  const why = argProblem(parsed, { flags: ['lang'], positional: 1 });
  if (why) return usageError(io, 'validate', validateCommand.usage, why);
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const v = loadJixiao().validate(input.value, opts.lang === 'en' ? 'en' : 'zh');
  if (!v.ok) {
    io.stderr(invalidHeader(v.problems) + problemLines(v.problems));
    return 2;
  }
  io.stdout(`表单有效 / valid: ${v.form.proName}（${v.form.fiscalYear}年度，${v.form.indicators.length}个指标）\n`);
  // Unknown fields were stripped: each one is a warning, as in the score's findings.
  if (v.warnings.length > 0) io.stderr(problemLines(v.warnings));
  return 0;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: '只检查表单格式，不评分 / check a form without scoring it',
  usage: 'validate FILE|- [--lang zh|en]',
  help: `检查 FILE（JSON 表单，UTF-8 编码；- 为标准输入）是否填写完整、格式正确：必填项、数值、年度、编码等。
不计算得分；得分和评分发现的问题用 jixiao score。

选项 / options:
  --lang zh|en   问题说明的语言（默认中文）

退出码 / exit: 0 表单有效（被忽略的未知字段作为警告写在 stderr）；2 文件无法读取或表单无效，每个问题一行写在 stderr。

例 / example:
  jixiao validate test/fixtures/seed/01-jingban.json
`,
  run,
};
