import type { Finding } from '../../core/codes.js';
import type { ScoreResult } from '../../core/model/result.js';
import { gradeMark, totalLines, totalMark } from '../../excel/export/marks.js';
import { loadJixiao } from '../../jixiao.js';
import { argProblem, formatProblem, parseArgs, readJsonInput, unknownPolicyMessage, usageError } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

export function problemLines(problems: Finding[], prefix = ''): string {
  return problems.map((p) => `${prefix}${p.severity}\t${p.code}\t${p.pointer || '/'}\t${p.message}\n`).join('');
}

/** The finding's level in a table for people (JSON and the stderr lines keep error / warning / info). */
export const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

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
    out.push(renderTable(['级别', '代码', '位置', '说明'], r.findings.map((x) => [SEVERITY_ZH[x.severity] ?? x.severity, x.code, x.cell ?? (x.pointer || '/'), x.message])));
  } else {
    out.push('未发现问题。');
  }
  return out.join('\n') + '\n';
}

/** "表单无效：4个错误、1个警告": the problems counted by severity (an ignored field is a warning, not an error). */
export function invalidHeader(problems: Finding[], prefix = ''): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const rest = problems.length - errors;
  return `${prefix}表单无效：${errors}个错误${rest ? `、${rest}个警告或提示` : ''}（每行：级别、代码、位置、说明）/ invalid form:\n`;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['policy', 'format', 'lang']);
  const { positional, opts } = parsed;
  const format = opts.format ?? 'json';
  const why = argProblem(parsed, { flags: ['policy', 'format', 'lang'], positional: 1 }) ?? formatProblem(opts.format, ['json', 'table']);
  if (why) return usageError(io, 'score', scoreCommand.usage, why);
  const jx = loadJixiao();
  let policy;
  if (opts.policy) {
    policy = jx.policies.get(opts.policy);
    if (!policy) {
      io.stderr(unknownPolicyMessage(opts.policy, jx.policies.list.map((p) => p.id)));
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
    io.stderr(invalidHeader(out.problems) + problemLines(out.problems));
    return 2;
  }
  io.stdout(format === 'table' ? renderResultTable(out.result) : JSON.stringify(out.result, null, 2) + '\n');
  return 0;
}

export const scoreCommand: Command = {
  name: 'score',
  summary: '评分：计算得分、等级并列出全部问题 / score a form',
  usage: 'score FILE|- [--policy ID] [--format json|table] [--lang zh|en]',
  help: `FILE 是一张表单（JSON，UTF-8 编码；字段见 README “The form”）；- 表示从标准输入读取。
Excel 工作簿（.xlsx）请用 jixiao import FILE.xlsx --score --format table。

选项 / options:
  --policy ID          按指定评分政策评分（jixiao policies 列出全部）；省略时按表单的财政区划和年度选用适用的政策
  --format json|table  json（默认）：完整结果，供程序使用；table：终端里看的中文表格
  --lang zh|en         问题说明的语言（默认中文）

结果 / result: 总分、等级（优 / 良 / 中 / 差）、每个指标的得分和说明、发现的问题（错误 / 警告 / 提示）。
“暂定”表示有需要人工复核的事项，或分值合计不是 100 分。

退出码 / exit: 0 已评分（有无问题都是 0）；2 文件无法读取或不是有效的表单，每个问题一行写在 stderr：
  级别  代码  位置（JSON 指针，如 /indicators/0/points 即绩效指标第1行的分值）  说明

例 / example:
  jixiao score test/fixtures/seed/03-dalou.json --format table
  jixiao score 表单.json --policy national-2020 > 结果.json
`,
  run,
};
