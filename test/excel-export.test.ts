/** Export: round trip, notes and fills on the cells of findings, the batch summary, the HTML page; CLI and HTTP. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import t from 'tap';
import { runCli } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/types.js';
import { escapeHtml, exportHtml, exportWorkbook, sheetName, worst } from '../src/excel/export/index.js';
import { importWorkbook } from '../src/excel/import/index.js';
import { formsOf } from '../src/excel/score.js';
import { loadJixiao } from '../src/jixiao.js';
import { testApp } from './support/http.js';
import { SEED_DIR, XLSX_DIR, loadJson, parsed } from './support/make-workbooks.js';

const jx = loadJixiao();
const FILES = [
  SEED_DIR + '01-jingban.json',
  SEED_DIR + '02-dangan.json',
  SEED_DIR + '03-dalou.json',
  XLSX_DIR + '04-central.json',
  XLSX_DIR + '05-sichuan.json',
];

function scored(input: unknown) {
  const out = jx.scoreInput(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return { form: out.form, result: out.result };
}

/** A form that uses the fields the official table has no column for. */
const EXTRAS = {
  ...loadJson(SEED_DIR + '01-jingban.json'),
  proCode: '14000022T000000123456',
  funds: {
    points: '10',
    rows: [
      { name: '资金总额', isTotal: true, initial: '260', adjustment: '-7.17', budget: '252.83', executed: '221.51', reason: '年中调减7.17万元' },
    ],
  },
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '调研<次数>', points: '45', target: '5', operator: '≥', unit: '次', actual: '4', manualScore: '40', deduction: '1', deductionReason: '报告质量偏低', evalStd: '按完成比例计分', deviationNote: '一次调研推迟' },
    { level1: '效益指标', level2: '社会效益指标', name: '提升度', points: '45', target: '提升', actual: '达成年度指标', reportedScore: '45' },
  ],
};

t.test('round trip: export, then import, gives the same form', async (t) => {
  for (const file of FILES) {
    const s = scored(loadJson(file));
    const r = await importWorkbook(await exportWorkbook([s]));
    t.ok(r.ok, file);
    if (!r.ok) continue;
    t.equal(r.forms[0].layout, 'jixiao');
    t.same(parsed(r.forms[0].form), parsed(loadJson(file)), file);
  }
  const s = scored(EXTRAS);
  const r = await importWorkbook(await exportWorkbook([s]));
  if (!r.ok) throw new Error('import');
  t.same(parsed(r.forms[0].form), parsed(EXTRAS), 'adjustment, reason, points, operator, unit, manual score, deduction, evalStd, codes');
});

t.test('the workbook: computed values, filer values, notes and fills', async (t) => {
  const s = scored(loadJson(SEED_DIR + '03-dalou.json'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook([s])) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  t.equal(ws.name, '社保大楼维护、安全及运行费');
  const find = (text: string) => {
    let hit: ExcelJS.Cell | undefined;
    ws.eachRow((row) => row.eachCell((c) => void (hit ??= c.value === text ? c : undefined)));
    return hit!;
  };
  const total = find('总分');
  const row = ws.getRow(Number(total.row));
  t.equal(row.getCell(8).value, 90, 'the computed total');
  t.equal(row.getCell(9).value, '优');
  t.equal(row.getCell(11).value, '95 优', "the filer's total beside it");
  const note = row.getCell(11).note as unknown as { texts: { text: string }[] } | string;
  const noteText = typeof note === 'string' ? note : note.texts.map((x) => x.text).join('');
  t.match(noteText, /TOTAL_MISMATCH/);
  t.equal((row.getCell(11).fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFEB9C', 'a warning is yellow');
  const weight = find('分值');
  t.ok(weight.note, 'WEIGHT_SUM on the 分值 header');
  t.equal((weight.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFC7CE', 'an error is red');
  t.ok(ws.model.merges.length > 10, 'merged like the official table');
});

t.test('batch: a summary sheet and one sheet per form; importing it gives every form back', async (t) => {
  const items = FILES.map((f) => scored(loadJson(f)));
  items.push(scored(loadJson(SEED_DIR + '01-jingban.json'))); // the same project twice
  const buf = await exportWorkbook(items);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  t.equal(wb.worksheets.length, items.length + 1);
  const sum = wb.worksheets[0];
  t.equal(sum.name, '汇总');
  t.equal(sum.getCell('C3').value, '社会保险经办专项业务工作经费');
  t.equal(sum.getCell('G3').value, 93.76);
  t.equal(sum.getCell('H3').value, '优');
  t.equal(sum.getCell('F3').value, 87.61);
  t.equal(wb.worksheets[6].name, '社会保险经办专项业务工作经费(2)', 'a second sheet of the same name gets a suffix');
  const back = await importWorkbook(buf);
  t.ok(back.ok);
  if (back.ok) {
    t.equal(back.forms.length, items.length);
    t.same(back.findings.map((f) => f.code), ['IMPORT_SHEET_SKIPPED']);
  }
});

t.test('HTML: the same table, escaped, printable', async (t) => {
  const html = exportHtml([scored(EXTRAS), scored(loadJson(SEED_DIR + '03-dalou.json'))]);
  t.match(html, /^<!DOCTYPE html>/);
  t.match(html, /@media print/);
  t.match(html, /调研&lt;次数&gt;/, 'text is escaped');
  t.notMatch(html, /调研<次数>/);
  t.match(html, /class="[^"]*warning/);
  t.match(html, /TOTAL_MISMATCH|填报总分95/);
  t.match(html, /rowspan="\d+"/);
  t.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  t.equal(worst([]), null);
  t.equal(sheetName('a/b:c*?[x]', new Set()), 'a b c   x');
  t.equal(sheetName('', new Set()), 'Sheet');
  const taken = new Set<string>();
  sheetName('x'.repeat(40), taken);
  t.equal(sheetName('x'.repeat(40), taken), 'x'.repeat(28) + '(2)');
  t.same(formsOf({ forms: [1, 2] }), [1, 2]);
  t.same(formsOf([1]), [1]);
  t.same(formsOf({ a: 1 }), [{ a: 1 }]);
});

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => '', env: {} };
  const code = await runCli(args, io);
  return { code, out, err };
}

t.test('CLI: import, export, narrative', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-excel-'));
  const imp = await cli(['import', XLSX_DIR + '01-jingban.xlsx']);
  t.equal(imp.code, 0);
  // One shape (issue 12), that of POST /v1/import: {forms: [{sheet, layout, form, cells, findings, result?, problems?}], findings}.
  const single = JSON.parse(imp.out);
  t.same(Object.keys(single), ['forms', 'findings']);
  t.equal(single.forms.length, 1);
  t.same(parsed(single.forms[0].form), parsed(loadJson(SEED_DIR + '01-jingban.json'), ['id']));
  t.equal(single.forms[0].result, undefined, 'not scored without --score');
  t.match(imp.err, /IMPORT_REGION_INFERRED/);
  const many = await cli(['import', XLSX_DIR + '06-seed-all.xlsx']);
  t.equal(JSON.parse(many.out).forms.length, 3, 'several sheets: the same shape, three entries');
  const one = await cli(['import', XLSX_DIR + '06-seed-all.xlsx', '--sheet', '大楼', '--mof-div-code', '140000']);
  t.equal(JSON.parse(one.out).forms[0].form.proName, '社保大楼维护、安全及运行费');
  const withScore = await cli(['import', '--score', XLSX_DIR + '03-dalou.xlsx']);
  t.equal(withScore.code, 0);
  const res = JSON.parse(withScore.out).forms[0];
  t.equal(res.result.total, '90.00');
  t.ok(res.result.findings.every((f: { cell?: string }) => f.cell));
  const bad = join(dir, 'bad.xlsx');
  writeFileSync(bad, 'not a workbook');
  const refused = await cli(['import', bad]);
  t.equal(refused.code, 2);
  t.match(refused.err, /IMPORT_NOT_XLSX/);
  t.equal((await cli(['import', join(dir, 'missing.xlsx')])).code, 2);
  t.equal((await cli(['import'])).code, 2);
  const text = await cli(['import', XLSX_DIR + '01-jingban.xlsx', '--score', '--nope']);
  t.equal(text.code, 2, 'unknown option');

  const xlsx = join(dir, 'o.xlsx');
  const html = join(dir, 'o.html');
  const exp = await cli(['export', SEED_DIR + '01-jingban.json', '--xlsx', xlsx, '--html', html]);
  t.equal(exp.code, 0, exp.err);
  t.match(readFileSync(html, 'utf8'), /社会保险经办专项业务工作经费/);
  const back = await importWorkbook(readFileSync(xlsx));
  t.ok(back.ok);
  const batch = join(dir, 'batch.json');
  writeFileSync(batch, JSON.stringify(FILES.map((f) => loadJson(f))));
  t.equal((await cli(['export', batch, '--xlsx', xlsx])).code, 0);
  t.equal((await cli(['export', SEED_DIR + '01-jingban.json'])).code, 2, 'no target');
  t.equal((await cli(['export', join(dir, 'nope.json'), '--html', html])).code, 2);
  const invalid = join(dir, 'invalid.json');
  writeFileSync(invalid, JSON.stringify({ proName: 'x' }));
  const inv = await cli(['export', invalid, '--html', html]);
  t.equal(inv.code, 2);
  t.match(inv.err, /REQUIRED/);
  t.equal((await cli(['export', SEED_DIR + '01-jingban.json', '--xlsx', join(dir, 'no/such/dir.xlsx')])).code, 1);

  const n = await cli(['narrative', SEED_DIR + '01-jingban.json']);
  t.equal(n.code, 0);
  t.match(n.out, /^根据年初设定的绩效目标，项目绩效自评得分为93\.76分。/);
  const nb = await cli(['narrative', batch]);
  t.match(nb.out, /【档案管理专项经费】/);
  t.equal((await cli(['narrative'])).code, 2);
  t.equal((await cli(['narrative', join(dir, 'nope.json')])).code, 2);
  t.equal((await cli(['narrative', invalid])).code, 2);
});

t.test('HTTP: import (multipart and raw), export, narrative', async (t) => {
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const xlsx = readFileSync(XLSX_DIR + '01-jingban.xlsx');
  const raw = await app.inject({
    method: 'POST',
    url: '/v1/import',
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    payload: xlsx,
  });
  t.equal(raw.statusCode, 200);
  const body = raw.json();
  t.equal(body.forms[0].result.total, '93.76');
  t.equal(body.forms[0].cells['/indicators/4/actual'], 'Sheet1!G16');
  t.ok(body.forms[0].result.findings.every((f: { cell?: string }) => f.cell));

  const boundary = '----jixiao';
  const multipart = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    readFileSync(XLSX_DIR + '06-seed-all.xlsx'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const mp = await app.inject({
    method: 'POST',
    url: '/v1/import?score=false&sheet=%E6%A1%A3%E6%A1%88',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: multipart,
  });
  t.equal(mp.statusCode, 200);
  t.equal(mp.json().forms.length, 1);
  t.equal(mp.json().forms[0].result, undefined, 'score=false');
  const noFile = await app.inject({
    method: 'POST',
    url: '/v1/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`),
  });
  t.equal(noFile.statusCode, 400);
  const json = await app.inject({ method: 'POST', url: '/v1/import', headers: { 'content-type': 'application/json' }, payload: '{}' });
  t.equal(json.statusCode, 415);
  const none = await app.inject({ method: 'POST', url: '/v1/import' });
  t.ok(none.statusCode >= 400 && none.statusCode < 500);
  const invalidForm = await app.inject({
    method: 'POST',
    url: '/v1/import',
    headers: { 'content-type': 'application/octet-stream' },
    payload: await (async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('x');
      ws.addRow(['三级指标', '分值']);
      ws.addRow(['甲', 'abc']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    })(),
  });
  t.equal(invalidForm.statusCode, 200);
  t.ok(invalidForm.json().forms[0].problems.length > 0, 'an invalid form comes back with its problems');

  const seed = readFileSync(SEED_DIR + '01-jingban.json', 'utf8');
  const ex = await app.inject({ method: 'POST', url: '/v1/export', headers: { 'content-type': 'application/json' }, payload: seed });
  t.equal(ex.statusCode, 200);
  t.match(ex.headers['content-type'], /spreadsheetml/);
  t.match(String(ex.headers['content-disposition']), /filename\*=UTF-8''/);
  const back = await importWorkbook(ex.rawPayload);
  t.ok(back.ok);
  const page = await app.inject({ method: 'POST', url: '/v1/export?format=html', headers: { 'content-type': 'application/json' }, payload: `[${seed},${seed}]` });
  t.equal(page.statusCode, 200);
  t.match(page.headers['content-type'], /text\/html/);
  t.equal((await app.inject({ method: 'POST', url: '/v1/export?format=pdf', headers: { 'content-type': 'application/json' }, payload: seed })).statusCode, 406);
  const badForms = await app.inject({ method: 'POST', url: '/v1/export', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ forms: [JSON.parse(seed), { proName: 1 }] }) });
  t.equal(badForms.statusCode, 422);
  t.ok(badForms.json().errors.every((e: { pointer: string }) => e.pointer.startsWith('/forms/1')));
  t.equal((await app.inject({ method: 'POST', url: '/v1/export', headers: { 'content-type': 'application/json' }, payload: '[]' })).statusCode, 400);
  t.equal((await app.inject({ method: 'POST', url: '/v1/export' })).statusCode, 400);
  t.equal((await app.inject({ method: 'POST', url: '/v1/export', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') })).statusCode, 415);

  const nar = await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/json' }, payload: seed });
  t.equal(nar.statusCode, 200);
  t.match(nar.json().text, /执行率为87\.61%/);
  const nars = await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/json' }, payload: `[${seed}]` });
  t.equal(nars.json().items.length, 1);
  t.equal((await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/json' }, payload: '[{"proName":1}]' })).statusCode, 422);
  t.equal((await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/json' }, payload: '[]' })).statusCode, 400);
  t.equal((await app.inject({ method: 'POST', url: '/v1/narrative' })).statusCode, 400);
  t.equal((await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') })).statusCode, 415);
});

t.test('odd forms survive the round trip: no codes, no goals, a cleared target, 元, a zero budget', async (t) => {
  const odd = {
    fiscalYear: 2024,
    mofDivCode: '140100',
    deptName: '太原市某局',
    agencyCode: '301001',
    moneyUnit: '元',
    proName: '零预算项目',
    funds: { rows: [{ name: '资金总额', isTotal: true, budget: '0', executed: '0' }, { name: '其他资金' }] },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '甲', points: '50', initialTarget: '≥3个', actual: '3个' },
      { level1: '产出指标', level2: '数量指标', name: '乙', points: '40', initialTarget: '≥2个', target: '≥2个', actual: '1个', deviationNote: '延期' },
    ],
    reportedGrade: '差',
  };
  const s = scored(odd);
  const buf = await exportWorkbook([s]);
  const r = await importWorkbook(buf);
  if (!r.ok) throw new Error('import');
  t.same(parsed(r.forms[0].form), parsed(odd));
  const html = exportHtml([s]);
  t.match(html, /零预算项目/);
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const res = await app.inject({
    method: 'POST',
    url: '/v1/import?mofDivCode=510000&score=no',
    headers: { 'content-type': 'application/octet-stream' },
    payload: buf,
  });
  t.equal(res.json().forms[0].form.mofDivCode, '510000', 'the query overrides the sheet');
  const one = await app.inject({ method: 'POST', url: '/v1/narrative', headers: { 'content-type': 'application/json' }, payload: '{"proName":1}' });
  t.equal(one.statusCode, 422);
  t.ok(one.json().errors.every((e: { pointer: string }) => !e.pointer.startsWith('/0')), 'a single form keeps its own pointers');
});

t.test('round trip of every fixture form: codes, default cost rows, names like labels; same form, same total', async (t) => {
  const names = ['是否解决建档立卡人员看病难贵问题', '项目执行进度', '满意度情况调查', '改进措施落实率', '总分达标率', '存在问题整改率', '合计', '小计准确率', '备注完整率'];
  const variants: [string, Record<string, any>][] = [];
  for (const file of FILES) {
    const f = loadJson(file);
    variants.push([file, f]);
    const v = structuredClone(f);
    v.funds.rows.forEach((row: Record<string, any>, i: number) => (row.foundTypeCode = i === 0 ? undefined : `0${i}`));
    v.indicators.forEach((ind: Record<string, any>, i: number) => {
      ind.name = names[i % names.length] + (i >= names.length ? String(i) : '');
      ind.id = `IND-${i + 1}`;
      ind.level1Code = ind.level1 === '产出指标' ? '01' : '02';
      ind.level2Code = `${ind.level1Code}0${i % 3}`;
      ind.code = `${ind.level2Code}00${i}`;
      ind.isDefaultCostRow = ind.target === '未填报';
    });
    variants.push([file + ' (codes, label-like names)', v]);
  }
  for (const [label, input] of variants) {
    const s = scored(input);
    const r = await importWorkbook(await exportWorkbook([s]));
    if (!r.ok) throw new Error(label);
    t.same(parsed(r.forms[0].form), parsed(input), `${label}: same form`);
    t.same(r.forms[0].findings.filter((f) => f.code === 'IMPORT_ROW_SKIPPED'), [], `${label}: nothing skipped`);
    const back = jx.scoreInput(r.forms[0].form);
    t.equal(back.ok ? back.result.total : 'invalid', s.result.total, `${label}: same total`);
    t.equal(back.ok ? back.result.grade : 'invalid', s.result.grade, `${label}: same grade`);
  }
});

/** The policy id the export's notes row names (…按评分政策“名称”（id version）计算…). */
async function exportedPolicy(buf: Buffer): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  let id: string | undefined;
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => void (id ??= /评分政策“[^”]*”（(\S+) /.exec(String(c.value ?? ''))?.[1])));
  return id;
}

t.test('export takes a policy choice as /v1/score does: ?policy= and --policy', async (t) => {
  const seed = readFileSync(SEED_DIR + '01-jingban.json', 'utf8');
  const { app } = await testApp({ logLevel: 'silent' });
  t.teardown(() => app.close());
  const post = (q: string) => app.inject({ method: 'POST', url: '/v1/export' + q, headers: { 'content-type': 'application/json' }, payload: seed });
  const cases: [string, number, string | undefined][] = [
    ['', 200, 'shanxi-2022'],
    ['?policy=national-2020', 200, 'national-2020'],
    ['?policy=national-2020&format=html', 200, undefined],
    ['?policy=no-such-policy', 404, undefined],
  ];
  for (const [q, status, policy] of cases) {
    const res = await post(q);
    t.equal(res.statusCode, status, q || '(none)');
    if (policy) t.equal(await exportedPolicy(res.rawPayload), policy, `${q || '(none)'}: scored under ${policy}`);
  }
  t.equal((await post('?policy=no-such-policy')).json().code, 'UNKNOWN_POLICY');
  t.match((await post('?policy=national-2020&format=html')).body, /national-2020/);

  const dir = mkdtempSync(join(tmpdir(), 'jixiao-export-policy-'));
  const out = join(dir, 'x.xlsx');
  const ok = await cli(['export', SEED_DIR + '01-jingban.json', '--xlsx', out, '--policy', 'national-2020']);
  t.equal(ok.code, 0);
  t.equal(await exportedPolicy(readFileSync(out)), 'national-2020');
  const bad = await cli(['export', SEED_DIR + '01-jingban.json', '--xlsx', out, '--policy', 'national-202']);
  t.equal(bad.code, 2);
  t.match(bad.err, /unknown policy: national-202.*national-2020/s);
});
