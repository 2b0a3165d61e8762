/**
 * Variations of real published 自评表 layouts (test/support/layouts.ts), each written with exceljs
 * from the JSON of test/fixtures/xlsx/04-central.json: each must import to that JSON's values and
 * the same score, or say with a finding naming the cell what it could not place.
 */
import ExcelJS from 'exceljs';
import t, { type Test } from 'tap';
import { importWorkbook } from '../src/excel/import/index.js';
import { loadImportWords } from '../src/excel/import/data.js';
import { decorativeColumn, fundColumn, furniture, indicatorColumn, moneyUnitStatement, oneLine, readNumber } from '../src/excel/import/words.js';
import { scoreImported } from '../src/excel/score.js';
import { loadJixiao } from '../src/jixiao.js';
import { XLSX_DIR, loadJson, parsed } from './support/make-workbooks.js';
import { CENTRAL_COLS, inYuan, variantWorkbook, type IndCol, type Variant } from './support/layouts.js';

const jx = loadJixiao();
const central = loadJson(XLSX_DIR + '04-central.json');
type Json = Record<string, any>;

const withInd = (f: Json, key: string, value: (i: number) => string): Json => {
  const g = structuredClone(f);
  g.indicators.forEach((ind: Json, i: number) => (ind[key] = value(i)));
  return g;
};
const evalStd = (i: number) => `完成得满分，未完成按比例扣分（第${i + 1}项）`;

interface Case {
  name: string;
  variant: Variant;
  /** The JSON the workbook stands for (default: the central form). */
  want?: Json;
  /** Findings that must be there: code and the `at` key of the cell (or a literal cell). */
  findings?: [string, string][];
  /** Codes that must not be there. */
  none?: string[];
}

const move = (cols: IndCol[]) => cols;

const CASES: Case[] = [
  { name: 'the plain central layout', variant: {}, none: ['IMPORT_ROW_SKIPPED', 'IMPORT_CELL_IGNORED', 'IMPORT_MONEY_UNIT_ASSUMED'] },
  { name: 'the year in the title, the unit in the title', variant: { title: 'year-in-title', unit: { where: 'title', text: '（单位：万元）' } }, none: ['IMPORT_MONEY_UNIT_ASSUMED'] },
  { name: 'the unit on a row of its own: 单位：元, amounts in 元', variant: { unit: { where: 'row', text: '单位：元' }, yuan: true }, want: inYuan(central) },
  { name: 'the unit in the funds label: （元）', variant: { unit: { where: 'fundLabel', text: '（元）' }, yuan: true }, want: inYuan(central) },
  { name: 'no unit stated anywhere: 万元, said', variant: { unit: { where: 'none', text: '' } }, findings: [['IMPORT_MONEY_UNIT_ASSUMED', '']] },
  {
    name: 'the unit row says 元, the funds label 万元: the label beside the amounts wins, the conflict is said',
    variant: { unit: { where: 'row', text: '单位：元' }, fundLabelUnit: '（万元）' },
    findings: [['IMPORT_MONEY_UNIT_CONFLICT', 'unit']],
  },
  { name: 'the indicator header over two merged rows', variant: { twoRowHeader: true }, none: ['IMPORT_ROW_SKIPPED'] },
  { name: 'two header rows and the block label at the left', variant: { twoRowHeader: true, blockLabel: true }, none: ['IMPORT_ROW_SKIPPED'] },
  {
    name: 'columns in another order',
    variant: { indCols: move(['name', 'l1', 'l2', 'points', 'target', 'actual', 'score', 'note']) },
  },
  {
    name: '序号 first, 评分标准 and 备注 at the end',
    variant: { indCols: ['seq', ...CENTRAL_COLS, 'evalStd', 'remark'], extra: { evalStd, remark: (i) => (i === 1 ? '按季度培训' : '') } },
    want: withInd(central, 'evalStd', evalStd),
    findings: [['IMPORT_CELL_IGNORED', 'remark1']],
    none: ['IMPORT_ROW_SKIPPED'],
  },
  {
    name: '指标值说明 before 年度指标值',
    variant: { indCols: ['l1', 'l2', 'name', 'valueDesc', 'target', 'actual', 'points', 'score', 'note'], extra: { valueDesc: (i) => (i === 0 ? '全区农村公路里程' : '') } },
    findings: [['IMPORT_CELL_IGNORED', 'valueDesc0']],
  },
  { name: 'funds words: 年初预算 / 预算数 / 执行数', variant: { fundWords: { initial: '年初预算', budget: '预算数', executed: '执行数' } } },
  { name: 'funds words: 年初预算数 / 调整后预算数 / 实际支出', variant: { fundWords: { budget: '调整后预算数', executed: '实际支出' } } },
  { name: 'funds words: 全年预算数（A） / 全年执行数（B） / 执行率（B/A）', variant: { fundWords: { initial: '年初预算数（A）', budget: '全年预算数（A）', executed: '全年执行数（B）', rate: '执行率（B/A）' } } },
  { name: 'line breaks in the 一级, 二级 and 三级 names, the project name and the fund rows', variant: { nameBreaks: true } },
  { name: 'numbers as text with 万, %, 分', variant: { textUnits: true }, findings: [['IMPORT_VALUE_NORMALISED', 'executed']] },
  { name: 'numbers as text with 元 on an 元 form', variant: { textUnits: true, yuan: true, unit: { where: 'row', text: '单位：元' } }, want: inYuan(central) },
  { name: 'formulas: the cached results are read', variant: { formulas: true }, none: ['IMPORT_FORMULA_NO_RESULT'] },
  { name: 'a hidden indicator row is read, and said', variant: { hideIndicator: 2 }, findings: [['IMPORT_HIDDEN_READ', 'row:name2']] },
  {
    name: 'a hidden column is read, and said',
    variant: { indCols: [...CENTRAL_COLS, 'evalStd'], extra: { evalStd }, hideCol: 'evalStd' },
    want: withInd(central, 'evalStd', evalStd),
    findings: [['IMPORT_HIDDEN_READ', 'col:evalStd0']],
  },
  { name: 'the header repeated inside the indicator block (printed over two pages)', variant: { repeatHeaderAt: 4 }, findings: [['IMPORT_CELL_IGNORED', 'row:repeatedHeader']], none: ['IMPORT_ROW_SKIPPED'] },
  { name: 'a two-row header repeated inside the block', variant: { repeatHeaderAt: 5, twoRowHeader: true }, findings: [['IMPORT_CELL_IGNORED', 'row:repeatedHeader']], none: ['IMPORT_ROW_SKIPPED'] },
  { name: 'notes under the table (注：…)', variant: { notes: true }, findings: [['IMPORT_CELL_IGNORED', 'note'], ['IMPORT_CELL_IGNORED', 'note2']], none: ['IMPORT_ROW_SKIPPED'] },
  { name: 'a footer: 填表人 / 联系电话 / 填报日期', variant: { footer: true }, findings: [['IMPORT_CELL_IGNORED', 'footer']], none: ['IMPORT_ROW_SKIPPED'] },
  { name: 'notes, then the footer', variant: { notes: true, footer: true }, findings: [['IMPORT_CELL_IGNORED', 'note'], ['IMPORT_CELL_IGNORED', 'footer']] },
  {
    name: 'everything at once',
    variant: {
      title: 'year-in-title',
      unit: { where: 'row', text: '单位：万元' },
      twoRowHeader: true,
      indCols: ['seq', 'l1', 'l2', 'name', 'points', 'target', 'actual', 'score', 'note', 'evalStd'],
      extra: { evalStd },
      fundWords: { initial: '年初预算', budget: '预算数', executed: '实际支出' },
      nameBreaks: true,
      textUnits: true,
      formulas: true,
      notes: true,
      footer: true,
    },
    want: withInd(central, 'evalStd', evalStd),
  },
];

async function check(t: Test, c: Case, sheetName = '自评表'): Promise<void> {
  const { buf, at } = await variantWorkbook([[sheetName, central, c.variant]]);
  const r = await importWorkbook(buf);
  t.ok(r.ok, 'imported');
  if (!r.ok) return void t.comment(JSON.stringify(r.findings));
  t.equal(r.forms.length, 1, 'one form');
  const got = r.forms[0];
  const want = c.want ?? central;
  t.same(parsed(got.form), parsed(want, ['id']), 'the JSON’s values');
  const a = scoreImported(jx, got);
  const b = jx.scoreInput(want);
  t.ok(a.ok && b.ok, 'both score');
  if (a.ok && b.ok) {
    t.equal(a.result!.total, b.result.total, 'the same total');
    t.equal(a.result!.funds.score, b.result.funds.score, 'the same funds score');
    t.same(a.result!.indicators.map((x) => x.score), b.result.indicators.map((x) => x.score), 'the same indicator scores');
  }
  const seen = got.findings.map((f) => `${f.code} ${f.cell ?? ''}`);
  for (const [code, key] of c.findings ?? []) {
    // 'row:K' / 'col:K': a finding on a cell in the row / column of the cell named K.
    const [how, name] = key.includes(':') ? key.split(':') : ['cell', key];
    const ref = at[0][name] ?? name;
    const hit = got.findings.some((f) => {
      if (f.code !== code) return false;
      if (ref === '') return true;
      const a = /!([A-Z]+)(\d+)$/.exec(f.cell ?? '');
      const b = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!a || !b) return false;
      return how === 'row' ? a[2] === b[2] : how === 'col' ? a[1] === b[1] : f.cell === `${sheetName}!${ref}`;
    });
    t.ok(hit, `${code} at ${key || '(sheet)'} (${ref}): ${seen.join(', ')}`);
  }
  for (const code of c.none ?? []) t.equal(seen.filter((s) => s.startsWith(code + ' ')).join(', '), '', `no ${code}`);
  for (const f of got.findings) if (f.code !== 'IMPORT_MONEY_UNIT_ASSUMED') t.ok(f.cell, `${f.code} names its cell`);
}

for (const c of CASES) t.test(c.name, (t) => check(t, c));

/** A second project: another name, another execution and one indicator missed. */
function second(): Json {
  const g = structuredClone(central);
  g.proName = '农村客运站运营补贴资金';
  g.funds.rows[0].executed = '256';
  g.funds.rows[1].executed = '256';
  g.funds.rows[0].reportedRate = '80.00';
  g.funds.rows[1].reportedRate = '80.00';
  g.funds.rows[0].reportedScore = '8';
  g.indicators[1].actual = '2次';
  g.indicators[1].reportedScore = '2.5';
  g.reportedTotal = '94.7';
  return g;
}

async function checkForms(t: Test, parts: [string, Json, Variant][], notes = false): Promise<void> {
  const { buf } = await variantWorkbook(parts);
  const r = await importWorkbook(buf);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  t.same(r.forms.map((f) => f.sheet), parts.map((p) => p[0]), 'one form each, in order');
  for (const [i, [, want]] of parts.entries()) {
    const got = r.forms[i];
    t.same(parsed(got.form), parsed(want, ['id']), `${want.proName}: the JSON’s values`);
    const a = scoreImported(jx, got);
    const b = jx.scoreInput(want);
    if (!a.ok || !b.ok) throw new Error('not scored');
    t.equal(a.result!.total, b.result.total, `${want.proName}: the same total ${b.result.total}`);
    t.same(got.findings.filter((f) => f.code === 'IMPORT_ROW_SKIPPED'), [], 'no row of one form is skipped as noise in the other');
    if (!notes) t.same(got.findings.filter((f) => f.code === 'IMPORT_CELL_IGNORED'), [], 'nothing of one form is read as an unmapped cell of the other');
  }
}

t.test('a second form under the first on the same sheet', async (t) => {
  await checkForms(t, [['自评表', central, {}], ['自评表', second(), { title: 'year-in-title' }]]);
  const parts: [string, Json, Variant][] = [['自评表', central, { notes: true, footer: true }], ['自评表', second(), { twoRowHeader: true }]];
  await checkForms(t, parts, true);
  const { buf, at } = await variantWorkbook(parts);
  const r = await importWorkbook(buf);
  if (!r.ok) throw new Error('import');
  t.equal(r.forms[1].cells['/proName'], `自评表!C${Number(/\d+/.exec(at[1].title)![0]) + 2}`, 'the second form’s cells are its own rows');
  t.ok(r.forms[0].findings.some((f) => f.code === 'IMPORT_CELL_IGNORED' && f.cell === `自评表!${at[0].footer}`), 'the first form’s footer stays the first form’s');
});

t.test('two projects on two sheets of one workbook', async (t) => {
  await checkForms(t, [['农村公路', central, { unit: { where: 'row', text: '单位：万元' } }], ['客运站', second(), { indCols: ['seq', ...CENTRAL_COLS] }]]);
});

t.test('a value in an unmapped column of the funds block is said with its cell', async (t) => {
  const { buf, at } = await variantWorkbook([['自评表', central, {}]]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('自评表')!;
  // A column after 得分 with a header of its own, and a note beside the total row of the funds.
  const head = ws.getCell(at[0].fundHeader).row;
  ws.getCell(head, 11).value = '备注';
  ws.getCell(head + 1, 11).value = '含结转资金20万元';
  ws.getCell(head + 2, 12).value = '无表头的一格';
  const r = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
  if (!r.ok) throw new Error('import');
  const got = r.forms[0].findings.filter((f) => f.code === 'IMPORT_CELL_IGNORED');
  t.same(got.map((f) => f.cell), [`自评表!K${head + 1}`, `自评表!L${head + 2}`]);
  t.equal(got[0].severity, 'info');
  t.equal(got[0].message, `单元格自评表!K${head + 1}的内容“含结转资金20万元”未读入表单：所在列“备注”不对应表单的任何字段`);
  t.equal(got[1].message, `单元格自评表!L${head + 2}的内容“无表头的一格”未读入表单：所在列没有表头，不对应表单的任何字段`);
  t.same(parsed(r.forms[0].form), parsed(central, ['id']), 'the form itself is unchanged');
});

t.test('a workbook jixiao exported imports without a finding about its own columns or notes', async (t) => {
  const { exportWorkbook } = await import('../src/excel/export/index.js');
  const { scoreMany } = await import('../src/excel/score.js');
  for (const f of [central, second()]) {
    const s = scoreMany(jx, f);
    if (!s.ok) throw new Error('not scored');
    const r = await importWorkbook(await exportWorkbook(s.items));
    if (!r.ok) throw new Error('import');
    const said = r.forms[0].findings.filter((x) => ['IMPORT_CELL_IGNORED', 'IMPORT_ROW_SKIPPED', 'IMPORT_MONEY_UNIT_ASSUMED'].includes(x.code));
    t.same(said.map((x) => `${x.code} ${x.cell}`), [], f.proName);
  }
});

t.test('the importer’s words are data (indicators/import-words.json) and read as the rule says', async (t) => {
  const w = loadImportWords();
  const fund: [string, string | null][] = [
    ['年初预算数', 'initial'], ['年初预算', 'initial'], ['预算数', 'budget'], ['全年预算数（A）', 'budget'], ['调整后预算数', 'budget'],
    ['执行数', 'executed'], ['实际支出', 'executed'], ['预算执行数', 'executed'], ['执行率（B/A）', 'rate'], ['填报执行率', 'reportedRate'],
    ['填报备注', null], ['资金来源', null], ['备注', null],
  ];
  for (const [h, want] of fund) t.equal(fundColumn(h), want, `funds: ${h}`);
  const ind: [string, string | null][] = [
    ['指标值说明', null], ['目标值说明', null], ['年度指标值', 'target'], ['实际完成值', 'actual'], ['评分标准', 'evalStd'], ['指标ID', 'id'],
    ['一级指标代码', 'level1Code'], ['备注', null], ['序号', null],
  ];
  for (const [h, want] of ind) t.equal(indicatorColumn(h), want, `indicators: ${h}`);
  const furnitureCases: [string, string | null][] = [
    ['注：1.年初预算数为年初批复数', 'notes'], ['备注', 'notes'], ['填表人：张明', 'footer'], ['联系电话：0566-2021234', 'footer'], ['填报日期：2024年3月15日', 'footer'],
    ['注册资金到位率', null], ['主要经验做法', null], ['备注：得分、执行率、资金结(转)余、总分和等级由 jixiao 按评分政策计算', 'generated'],
  ];
  for (const [s, want] of furnitureCases) t.equal(furniture(s, w), want, s);
  const units: [string, string | null][] = [
    ['（单位：万元）', '万元'], ['单位：元', '元'], ['项目资金（元）', '元'], ['项目资金(万元)', '万元'], ['金额单位:元', '元'], ['预算单位', null], ['实施单位：某局', null],
  ];
  for (const [s, want] of units) t.equal(moneyUnitStatement(s, w), want, s);
  t.equal(decorativeColumn('序 号', w), true);
  t.equal(decorativeColumn('备注', w), false);
  t.equal(oneLine('日常养护\n道路里程'), '日常养护道路里程');
  t.equal(oneLine('PM2.5\nindex'), 'PM2.5 index', 'between Latin letters and digits a space is kept');
  t.same(readNumber('300万', 'amount'), { kind: 'number', value: '300', unit: '万元', changed: true }, '万 is 万元');
  t.equal(readNumber('300万', 'points').kind, 'bad', '万 only on an amount');
});

t.test('amounts typed in 元 on a form that states 万元: kept as written, validation names each cell', async (t) => {
  const { buf, at } = await variantWorkbook([['自评表', central, { textUnits: true, yuan: true, unit: { where: 'row', text: '单位：万元' } }]]);
  const r = await importWorkbook(buf);
  if (!r.ok) throw new Error('import');
  const f = r.forms[0];
  t.equal(f.form.moneyUnit, '万元');
  t.equal((f.form.funds as any).rows[0].executed, '2864000元', 'never converted');
  const s = scoreImported(jx, f);
  t.equal(s.ok, false);
  const mismatch = s.findings.filter((x) => x.code === 'MONEY_UNIT_MISMATCH');
  t.ok(mismatch.length >= 3, 'each amount of the total row and the source');
  t.ok(mismatch.some((x) => x.cell === `自评表!${at[0].executed}`), `the executed amount names ${at[0].executed}`);
});
