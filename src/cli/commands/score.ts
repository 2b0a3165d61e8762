import type { Finding } from '../../core/codes.js';
import type { ScoreResult } from '../../core/model/result.js';
import { gradeMark, totalLines, totalMark } from '../../excel/export/marks.js';
import { loadJixiao } from '../../jixiao.js';
import { parseArgs, readJsonInput } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

export function problemLines(problems: Finding[], prefix = ''): string {
  return problems.map((p) => `${prefix}${p.severity}\t${p.code}\t${p.pointer || '/'}\t${p.message}\n`).join('');
}

const STATUS_ZH: Record<string, string> = {
  met: '完成',
  partly_met: '部分完成',
  not_met: '未完成',
  over_achieved: '超额完成',
  qualitative_tier: '定性',
  skipped: '不评分',
  needs_review: '需复核',
};

/** "总分：93.76（暂定）  等级：优（暂定）  分值合计：100  填报总分：94  填报等级：良": the filer's figures labelled as theirs. */
export function totalLine(r: ScoreResult): string {
  const parts = [`总分：${r.total}${totalMark(r)}`, `等级：${r.grade === null ? '不评级' : r.grade + gradeMark(r)}`, `分值合计：${r.pointsTotal}`];
  if (r.reported.total !== null) parts.push(`填报总分：${r.reported.total}`);
  if (r.reported.grade !== null) parts.push(`填报等级：${r.reported.grade}`);
  return parts.join('  ');
}

export function renderResultTable(r: ScoreResult): string {
  const out: string[] = [];
  out.push(`${r.form.proName}（${r.form.fiscalYear}年度）  ${r.form.agencyName ?? ''}`);
  out.push(`评分政策：${r.policy.name}（${r.policy.id} v${r.policy.version}）`);
  out.push('');
  const f = r.funds;
  out.push(
    renderTable(
      ['全年预算数', '全年执行数', '资金结（转）余', '执行率', '分值', '得分'],
      [[f.budget, f.executed, f.balance, f.rate ? f.rate + '%' : '—', f.points, f.score]],
      [0, 1, 2, 3, 4, 5],
    ),
  );
  out.push(`  ${f.explanation}`, '');
  out.push(
    renderTable(
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '填报', '状态'],
      r.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw, i.actual.raw, i.points, i.score, i.reportedScore ?? '', STATUS_ZH[i.status] ?? i.status]),
      [5, 6, 7],
    ),
  );
  out.push(totalLine(r));
  for (const line of totalLines(r)) out.push('  ' + line);
  if (r.findings.length) {
    out.push('');
    out.push(renderTable(['级别', '代码', '位置', '说明'], r.findings.map((x) => [x.severity, x.code, x.pointer || '/', x.message])));
  } else {
    out.push('未发现问题。');
  }
  return out.join('\n') + '\n';
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, opts, unknown } = parseArgs(args, ['policy', 'format', 'lang']);
  const format = opts.format ?? 'json';
  if (positional.length !== 1 || unknown.length || !['json', 'table'].includes(format)) {
    io.stderr(`用法 / usage: jixiao ${scoreCommand.usage}\n`);
    return 2;
  }
  const jx = loadJixiao();
  let policy;
  if (opts.policy) {
    policy = jx.policies.get(opts.policy);
    if (!policy) {
      io.stderr(`未知的评分政策 / unknown policy: ${opts.policy}（可用：${jx.policies.list.map((p) => p.id).join(', ')}）\n`);
      return 2;
    }
  }
  const input = await readJsonInput(positional[0], io);
  if (!input.ok) {
    io.stderr(input.message + '\n');
    return 2;
  }
  const lang = opts.lang === 'en' ? 'en' : 'zh';
  const out = jx.scoreInput(input.value, { policy, lang });
  if (!out.ok) {
    io.stderr(`表单无效，共${out.problems.length}个问题 / invalid form:\n` + problemLines(out.problems));
    return 2;
  }
  io.stdout(format === 'table' ? renderResultTable(out.result) : JSON.stringify(out.result, null, 2) + '\n');
  return 0;
}

export const scoreCommand: Command = {
  name: 'score',
  summary: '评分：计算得分、等级并列出全部问题',
  usage: 'score FILE|- [--policy ID] [--format json|table] [--lang zh|en]',
  run,
};
