/**
 * `jixiao whatif --year 2022 --policy hubei`: what the stored year (the store of `npm start`:
 * DATA_DIR / DATABASE_URL) would score under another policy; `--input batch.ndjson` (or a JSON
 * array / one form) re-scores a batch instead, without a store. `--policy-file p.json` uses a policy
 * file that is not (yet) in scoring/, validated as those are. Nothing is stored.
 */
import { readFile } from 'node:fs/promises';
import type { Policy } from '../../core/policy/types.js';
import { loadJixiao } from '../../jixiao.js';
import { batchWhatifItems, storedWhatif } from '../../stats/service.js';
import { policyFromJson, whatif, type WhatifReport } from '../../stats/whatif.js';
import { openStore, storeConfigFromEnv } from '../../store/index.js';
import { argProblem, formatProblem, fsReason, parseArgs, readJsonInput, unknownPolicyMessage, usageError } from '../input.js';
import { renderTable } from '../table.js';
import type { CliIO, Command } from '../types.js';

const USAGE =
  'whatif (--year YYYY [--department C] [--unit C] [--region C] | --input FILE.ndjson|FILE.json) (--policy ID | --policy-file FILE.json) [--format table|json]';

/** A JSON array, one JSON form, or NDJSON (one form a line; blank lines skipped). */
export function parseBatch(text: string): { ok: true; forms: unknown[] } | { ok: false; message: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    const v = JSON.parse(body) as unknown;
    return { ok: true, forms: Array.isArray(v) ? v : [v] };
  } catch {
    // not one JSON value: NDJSON
  }
  const forms: unknown[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    try {
      forms.push(JSON.parse(lines[i]));
    } catch (err) {
      return { ok: false, message: `第${i + 1}行不是有效的 JSON / line ${i + 1} is not valid JSON: ${(err as Error).message}` };
    }
  }
  return { ok: true, forms };
}

async function policyOf(opts: Record<string, string>, io: CliIO): Promise<Policy | null> {
  if (opts['policy-file']) {
    const input = await readJsonInput(opts['policy-file'], io);
    if (!input.ok) {
      io.stderr(input.message + '\n');
      return null;
    }
    const c = policyFromJson(input.value);
    if (!c.ok) {
      io.stderr(`评分政策无效 / invalid policy ${opts['policy-file']}:\n` + c.issues.map((i) => `  ${i.pointer || '/'} ${i.message}\n`).join(''));
      return null;
    }
    return c.policy;
  }
  const jx = loadJixiao();
  const p = jx.policies.get(opts.policy);
  if (!p) io.stderr(unknownPolicyMessage(opts.policy, jx.policies.list.map((x) => x.id)));
  return p ?? null;
}

export function renderReport(r: WhatifReport): string {
  const out: string[] = [];
  out.push(`评分政策 / policy: ${r.policy.name}（${r.policy.id} v${r.policy.version}${r.policy.uploaded ? '，文件' : ''}）`);
  out.push(`项目 ${r.count} 个，总分变化 ${r.changedTotal} 个，等级变化 ${r.changedGrade} 个${r.failed.length ? `，无法评分 ${r.failed.length} 个` : ''}`, '');
  const labels = r.transitions.labels;
  out.push('等级迁移（行：原等级，列：新等级）/ grade transitions');
  out.push(renderTable(['', ...labels], labels.map((a) => [a, ...labels.map((b) => String(r.transitions.matrix[a][b]))]), labels.map((_, i) => i + 1)));
  out.push('各部门 / departments');
  out.push(
    renderTable(
      ['部门', '表单', '原合计', '新合计', '变化', '平均变化', '升级', '降级'],
      r.departments.map((d) => [d.deptCode || '—', String(d.forms), d.oldSum, d.newSum, d.delta, d.meanDelta, String(d.up), String(d.down)]),
      [1, 2, 3, 4, 5, 6, 7],
    ),
  );
  out.push('造成变化的规则 / drivers');
  out.push(renderTable(['规则 rule', '项目', '行', '分差合计', '绝对值合计'], r.drivers.map((d) => [d.rule, String(d.projects), String(d.rows), d.delta, d.absDelta]), [1, 2, 3, 4]));
  return out.join('\n');
}

async function run(args: string[], io: CliIO): Promise<number> {
  const FLAGS = ['year', 'policy', 'policy-file', 'input', 'department', 'unit', 'region', 'format'];
  const parsed = parseArgs(args, FLAGS);
  const { opts } = parsed;
  const year = opts.year !== undefined && /^\d{4}$/.test(opts.year) ? Number(opts.year) : undefined;
  const why =
    argProblem(parsed, { flags: FLAGS, positional: 0 }) ??
    (opts.year !== undefined && year === undefined ? `--year 应为四位年份，收到“${opts.year}” / --year must be four digits` : null) ??
    ((year === undefined) === (opts.input === undefined) ? '请给出 --year（库中某年度）或 --input（一个文件）之一 / give either --year or --input' : null) ??
    ((opts.policy === undefined) === (opts['policy-file'] === undefined) ? '请给出 --policy 或 --policy-file 之一 / give either --policy or --policy-file' : null) ??
    formatProblem(opts.format, ['table', 'json']);
  if (why) return usageError(io, 'whatif', USAGE, why);
  const policy = await policyOf(opts, io);
  if (!policy) return 2;
  const jx = loadJixiao();
  let report: WhatifReport & { year?: number };
  if (opts.input !== undefined) {
    let text: string;
    try {
      text = opts.input === '-' ? await io.readStdin() : await readFile(opts.input, 'utf8');
    } catch (err) {
      io.stderr(`无法读取 ${opts.input}：${fsReason(err)}\n`);
      return 2;
    }
    const batch = parseBatch(text);
    if (!batch.ok) {
      io.stderr(batch.message + '\n');
      return 2;
    }
    report = whatif(jx, batchWhatifItems(batch.forms), policy, opts['policy-file'] !== undefined);
  } else {
    const repo = await openStore(storeConfigFromEnv(io.env));
    try {
      const filter = { year: year!, deptCode: opts.department, agencyCode: opts.unit, mofDivCode: opts.region };
      report = { year, ...(await storedWhatif(jx, repo, filter, policy, opts['policy-file'] !== undefined)) };
    } finally {
      await repo.close();
    }
  }
  io.stdout(opts.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderReport(report));
  return report.failed.length && !report.count ? 1 : 0;
}

export const whatifCommand: Command = {
  name: 'whatif',
  summary: '假设评分：按另一评分政策重新评分（不存储）/ re-score under another policy, storing nothing',
  usage: 'whatif --year Y --policy ID | --input FILE [--policy-file F]',
  help: `假如换一套评分政策，分数和等级会怎样变化？只计算，不保存任何东西。

  jixiao ${USAGE}

  --year YYYY             重新评分服务库中（DATA_DIR / DATABASE_URL）该年度已提交的表单；
                          --department / --unit / --region 按部门、单位、财政区划筛选
  --input FILE            或：重新评分一个文件中的表单（NDJSON 每行一张、JSON 数组或一张表单；- 为标准输入）
  --policy ID             scoring/ 中的评分政策（jixiao policies 列出全部）
  --policy-file FILE      或：一个尚未放入 scoring/ 的政策 JSON 文件（按同样的规则校验）
  --format table|json     table（默认）：等级迁移、各部门、造成变化的规则；json：完整报告

退出码 / exit: 0 完成；1 没有一张表单能评分；2 用法、文件或政策有误。

例 / example:
  jixiao whatif --year 2022 --policy hubei
  jixiao whatif --input batch.ndjson --policy-file my-policy.json --format json
`,
  run,
};
