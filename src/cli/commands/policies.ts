import { loadJixiao } from '../../jixiao.js';
import { argProblem, formatProblem, parseArgs, usageError } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['format']);
  const { opts } = parsed;
  const why = argProblem(parsed, { flags: ['format'], positional: 0 }) ?? formatProblem(opts.format, ['table', 'json']);
  if (why) return usageError(io, 'policies', policiesCommand.usage, why);
  const list = loadJixiao().policies.list;
  if (opts.format === 'json') {
    io.stdout(JSON.stringify(list.map((p) => ({ id: p.id, version: p.version, name: p.name, hash: p.hash, default: p.isDefault, regions: p.appliesTo.regions, yearFrom: p.appliesTo.yearFrom, yearTo: p.appliesTo.yearTo })), null, 2) + '\n');
    return 0;
  }
  const rows = list.map((p) => [
    p.id + (p.isDefault ? ' *' : ''),
    p.version,
    p.name,
    p.appliesTo.regions.join(',') || '全国',
    `${p.appliesTo.yearFrom ?? ''}–${p.appliesTo.yearTo ?? ''}`,
    p.budget.points.toString(),
    p.hash.slice(0, 12),
  ]);
  io.stdout(renderTable(['id', '版本', '名称', '适用区划', '年度', '执行率分值', 'hash'], rows) + '* 默认政策\n');
  return 0;
}

export const policiesCommand: Command = {
  name: 'policies',
  summary: '列出评分政策 / list the scoring policies',
  usage: 'policies [--format table|json]',
  help: `列出 scoring/ 中的全部评分政策：id、版本、名称、适用的财政区划和年度、执行率分值。
评分时按表单的财政区划（mofDivCode）和年度自动选用适用的政策；jixiao score --policy ID 可指定其他政策。
标 * 的是默认政策（没有更具体的政策适用时使用）。

选项 / options:
  --format table|json   table（默认）：表格；json：供程序使用

退出码 / exit: 0 完成；2 用法有误。

例 / example:
  jixiao policies
`,
  run,
};
