/**
 * The 部门（单位）整体支出 form through every shell: the workbook layout (import of the hand-built
 * fixture, import → score → export → import round trip, findings on cells), the 综述 paragraph in the
 * seed's wording, the CLI, HTTP (/v1/score, /v1/export, /v1/import, /v1/narrative) and the store's
 * submission (natural key, nothing stripped).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Principal } from '../src/auth/keys.js';
import { DEPARTMENT_PROJECT_KEY } from '../src/core/department/index.js';
import { exportHtml, exportWorkbook } from '../src/excel/export/index.js';
import { importWorkbook } from '../src/excel/import/index.js';
import { scoreImported } from '../src/excel/score.js';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/types.js';
import { loadJixiao } from '../src/jixiao.js';
import { departmentParagraph, summaryParagraph } from '../src/narrative/index.js';
import { prepareSubmission } from '../src/store/service.js';
import { testApp, JSON_HEADERS } from './support/http.js';
import { atFixedTime, departmentWorkbook } from './support/make-department-workbook.js';

type Json = Record<string, any>;
const jx = loadJixiao();
const path = (name: string) => new URL(`./fixtures/department/${name}`, import.meta.url).pathname;
const fixture = (name: string): Json => JSON.parse(readFileSync(path(`${name}.json`), 'utf8')) as Json;
const XLSX = readFileSync(path('complete-2023.xlsx'));

function scored(input: Json) {
  const out = jx.scoreInput(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out;
}

/** The seed's own sentence (S1 lines 462–464; the filing breaks it after 绩效). */
function seedSentence(): string {
  const lines = readFileSync('/work/shared/seed/000_c999e4cc1f383254.txt', 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('山西省社会保险局部门（单位）整体支出绩效自评综述'));
  return (lines[start] + lines[start + 2]).trim();
}

t.test('narrative: the seed department-wide paragraph, word for word, from the zeros', async (t) => {
  const r = scored(fixture('seed-shebao-2022')).result;
  const expected = seedSentence();
  t.match(expected, /^山西省社会保险局部门（单位）整体支出绩效自评综述：.*涉密内容除外。$/, 'the seed sentence was found');
  t.equal(departmentParagraph(r), expected);
  t.equal(summaryParagraph(r), expected, 'summaryParagraph dispatches on kind');
  t.equal(departmentParagraph(r, { heading: false }), expected.slice(expected.indexOf('根据')));
});

t.test('narrative: the complete form', async (t) => {
  const r = scored(fixture('complete-2023')).result;
  t.equal(
    departmentParagraph(r),
    '示范市社会保险事业服务中心部门（单位）整体支出绩效自评综述：根据年初设定的绩效目标，示范市社会保险事业服务中心部门（单位）整体绩效自评得分为97.24分。' +
      '部门（单位）全年预算数为1000万元，执行数为950万元，执行率为95%。' +
      '年度绩效目标完成情况：一是人员经费和公用经费足额保障，“三公”经费控制在预算内；二是经办任务全部完成，资金使用合规。' +
      '发现的主要问题及原因：一是预算编制的精准度有待提高；二是固定资产盘活利用不够充分。' +
      '下一步改进措施：一是加强预算编制与执行的衔接；二是及时处置闲置资产。涉密内容除外。',
  );
  const noCompletion = fixture('complete-2023');
  delete noCompletion.goals[1].completion;
  t.match(departmentParagraph(scored(noCompletion).result), /二是社会保险经办服务方面，预算完成率为95%，资金使用合规性为100%，管理制度健全性达成年度指标，固定资产利用率为90%，服务对象满意度为95%。/, 'a goal without a completion text: its indicators');
});

t.test('workbook: the committed fixture is what the script writes from the JSON fixture', async (t) => {
  const bytes = await atFixedTime(() => departmentWorkbook(fixture('complete-2023')));
  t.equal(Buffer.compare(bytes, XLSX), 0, 'run `npx tsx test/support/make-department-workbook.ts` after changing complete-2023.json');
});

t.test('workbook: the hand-built fixture imports as the JSON fixture and scores the same', async (t) => {
  const r = await importWorkbook(XLSX);
  t.ok(r.ok);
  if (!r.ok) return;
  t.equal(r.forms.length, 1);
  const f = r.forms[0];
  t.equal(f.layout, 'department');
  t.same(f.findings, [], 'every cell read');
  const json = fixture('complete-2023');
  const a = scored(f.form as Json).result;
  const b = scored(json).result;
  t.equal(a.total, '97.24');
  t.same(a.indicators.map((x) => [x.pointer, x.score]), b.indicators.map((x) => [x.pointer, x.score]));
  t.same(a.department, b.department);
  t.same((f.form as Json).goals.map((g: Json) => g.indicators.length), [5, 5], 'rows under the merged 所属目标 cells go to their goal');
  const s = scoreImported(jx, f);
  const inferred = s.findings.find((x) => x.code === 'OPERATOR_INFERRED' && x.pointer === '/goals/0/indicators/0/target');
  t.equal(inferred?.cell, '部门整体支出自评表!E29', 'a finding carries its cell');
  t.equal(s.result!.findings.find((x) => x.code === 'EXEC_RATE_NOT_REPORTED')?.cell, '部门整体支出自评表!A8', 'no rate written: the row\'s label cell');
});

t.test('workbook: import → score → export → import gives back the filer form', async (t) => {
  for (const name of ['complete-2023', 'seed-shebao-2022']) {
    const first = await importWorkbook(name === 'complete-2023' ? XLSX : await exportWorkbook([scoredItem(fixture(name))]));
    t.ok(first.ok, name);
    if (!first.ok) continue;
    const s = scoreImported(jx, first.forms[0]);
    t.ok(s.ok, `${name} scores`);
    const out = await exportWorkbook([{ form: s.form!, result: s.result! }]);
    const again = await importWorkbook(out);
    t.ok(again.ok);
    if (!again.ok) continue;
    t.equal(again.forms[0].layout, 'department');
    t.same(again.forms[0].findings, [], `${name}: the 计算 columns and the 备注 are passed over`);
    t.same(again.forms[0].form, first.forms[0].form, `${name}: the same form`);
  }
});

function scoredItem(input: Json) {
  const out = scored(input);
  return { form: out.form, result: out.result };
}

t.test('workbook: a reconciliation finding lands on the table, and an unread cell is named', async (t) => {
  const form = fixture('complete-2023');
  form.funds.sources[0].budget = '890';
  const r = await importWorkbook(await departmentWorkbook(form));
  t.ok(r.ok);
  if (!r.ok) return;
  const s = scoreImported(jx, r.forms[0]);
  const f = s.findings.filter((x) => x.code === 'FUND_TABLES_MISMATCH');
  t.same(f.map((x) => [x.pointer, x.cell]), [['/funds/sources', '部门整体支出自评表!A13']]);
  const m = exportHtml([{ form: s.form!, result: s.result! }]);
  t.match(m, /示范市社会保险事业服务中心部门（单位）整体支出绩效自评表/);
  t.match(m, /资金来源表“全年预算数”合计990\.00与资金类别合计1000\.00不一致/);
});

t.test('workbook: a value in no known column is named, never dropped silently', async (t) => {
  const { gridFromArrays } = await import('../src/excel/import/index.js');
  const { readDepartmentSheet } = await import('../src/excel/department/read.js');
  const grid = gridFromArrays('S', [
    ['部门（单位）整体支出绩效自评表'],
    ['部门（单位）名称', '某单位', '单位代码', '101001'],
    [],
    ['资金类别', '全年预算数', '全年执行数', '备用列'],
    ['人员类', 10, 10, '手写说明'],
    [],
    ['一段不属于任何表格的文字'],
  ]);
  const r = readDepartmentSheet(grid)!;
  t.same(r.findings.map((f) => [f.code, f.params.cell]), [
    ['IMPORT_CELL_UNREADABLE', 'S!D4'], ['IMPORT_CELL_UNREADABLE', 'S!D5'], ['IMPORT_ROW_SKIPPED', 'S!A7'], ['IMPORT_HEADER_MISSING', undefined],
  ]);
  t.same((r.form.funds as Json).rows, [{ name: '人员类', budget: '10', executed: '10' }]);
});

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => '', env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

t.test('CLI: score, narrative, export and import work on department forms', async (t) => {
  const s = await cli(['score', path('complete-2023.json')]);
  t.equal(s.code, 0);
  const json = JSON.parse(s.out) as Json;
  t.equal(json.kind, 'department');
  t.equal(json.total, '97.24');
  const n = await cli(['narrative', path('seed-shebao-2022.json')]);
  t.equal(n.code, 0);
  t.equal(n.out, seedSentence() + '\n');
  const dir = mkdtempSync(join(tmpdir(), 'jx-dept-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'out.xlsx');
  const e = await cli(['export', path('complete-2023.json'), '--xlsx', out]);
  t.equal(e.code, 0, e.err);
  const i = await cli(['import', out, '--score']);
  t.equal(i.code, 0, i.err);
  t.match(i.out, /97\.24/);
  const table = await cli(['score', path('complete-2023.json'), '--format', 'table']);
  t.equal(table.code, 0);
  t.match(table.out, /示范市社会保险事业服务中心部门（单位）整体支出/);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ kind: 'department', fiscalYear: 2023, agencyName: 'x', funds: { rows: [] }, goals: [] }));
  const v = await cli(['validate', bad]);
  t.not(v.code, 0);
  t.match(v.out + v.err, /EMPTY_FUNDS/);
});

t.test('HTTP: /v1/score, /v1/narrative, /v1/export and /v1/import accept department forms', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const body = JSON.stringify(fixture('complete-2023'));
  const full = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: body });
  t.equal(full.statusCode, 200);
  t.equal(full.json().kind, 'department');
  t.equal(full.json().total, '97.24');
  t.equal(full.json().department.goals.length, 2);
  const brief = await app.inject({ method: 'POST', url: '/v1/score?detail=brief', headers: JSON_HEADERS, payload: body });
  t.equal(brief.json().total, '97.24');
  t.equal(brief.json().indicators.length, 10);
  const bad = await app.inject({ method: 'POST', url: '/v1/score', headers: JSON_HEADERS, payload: JSON.stringify({ ...fixture('complete-2023'), goals: [] }) });
  t.equal(bad.statusCode, 422);
  t.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.ok(bad.json().errors.some((e: Json) => e.pointer === '/goals'));
  const narrative = await app.inject({ method: 'POST', url: '/v1/narrative', headers: JSON_HEADERS, payload: JSON.stringify(fixture('seed-shebao-2022')) });
  t.equal(narrative.statusCode, 200);
  t.equal(narrative.json().text, seedSentence());
  const exported = await app.inject({ method: 'POST', url: '/v1/export', headers: JSON_HEADERS, payload: body });
  t.equal(exported.statusCode, 200);
  const imported = await app.inject({
    method: 'POST', url: '/v1/import', headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: exported.rawPayload,
  });
  t.equal(imported.statusCode, 200);
  const f = imported.json().forms[0];
  t.equal(f.layout, 'department');
  t.equal(f.result.total, '97.24');
  t.equal(f.result.kind, 'department');
});

t.test('store: a department form is submitted under its own key, nothing stripped', async (t) => {
  const unit: Principal = { keyId: 'key_t', name: 't', role: 'unit', agencyCode: '209100', deptCode: null, mofDivCode: '140000' };
  const p = prepareSubmission(jx, unit, fixture('seed-shebao-2022'));
  t.equal(p.kind, 'ok');
  if (p.kind !== 'ok') return;
  t.equal(p.submission.projectKey, DEPARTMENT_PROJECT_KEY);
  t.equal(p.submission.proCode, null);
  t.equal(p.submission.proName, '山西省社会保险局部门（单位）整体支出');
  t.equal(p.submission.fiscalYear, 2022);
  const stored = JSON.parse(p.submission.inputJson) as Json;
  t.equal(stored.funds.sources.length, 4, 'the 资金来源 table is kept');
  t.equal(stored.goals.length, 2);
  t.equal(p.submission.snapshot.total, '0.00');
  t.equal(p.submission.snapshot.budgetWan, '0');
  t.equal(JSON.parse(p.submission.snapshot.resultJson).kind, 'department');
  t.equal(prepareSubmission(jx, { ...unit, agencyCode: '209101' }, fixture('seed-shebao-2022')).kind, 'forbidden', 'another unit');
});
