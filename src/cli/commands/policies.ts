import { loadJixiao } from '../../jixiao.js';
import { parseArgs } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, opts, unknown } = parseArgs(args, ['format']);
  if (positional.length || unknown.length) {
    io.stderr(`用法 / usage: jixiao ${policiesCommand.usage}\n`);
    return 2;
  }
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
  summary: '列出评分政策',
  usage: 'policies [--format table|json]',
  run,
};
