/** Importing the fixture workbooks: the same forms as the JSON fixtures, the same scores, cells on findings. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import t from 'tap';
import { attachCells, importWorkbook, gridFromArrays, readSheet, cellRef } from '../src/excel/import/index.js';
import { numberText, valueText, colName } from '../src/excel/import/grid.js';
import { clean, levelName, norm, provinceOf, readNumber, splitCodeName, splitTotal, fundColumn, indicatorColumn, analysisLabel, isTotalFundName } from '../src/excel/import/words.js';
import { isTotalRow } from '../src/core/engine/funds.js';
import type { FundRow } from '../src/core/model/form.js';
import { scoreImported } from '../src/excel/score.js';
import { loadJixiao } from '../src/jixiao.js';
import { loadVocabulary } from '../src/data/vocabulary.js';
import { FIXTURES, XLSX_DIR, buildFixture, loadJson, parsed } from './support/make-workbooks.js';

const jx = loadJixiao();
const vocab = loadVocabulary();
const labels = vocab.labels;

t.test('each fixture workbook gives the forms of its JSON and the same scores', async (t) => {
  for (const spec of FIXTURES) {
    const r = await importWorkbook(readFileSync(XLSX_DIR + spec.file));
    t.ok(r.ok, spec.file);
    if (!r.ok) continue;
    t.equal(r.forms.length, spec.sheets.length, `${spec.file}: one form per sheet`);
    for (const [i, sh] of spec.sheets.entries()) {
      const imported = r.forms[i];
      t.equal(imported.sheet, sh.name);
      const want = loadJson(sh.json);
      // The id is the fixture's own key; a published table does not print it.
      t.same(parsed(imported.form), parsed(want, ['id']), `${spec.file}/${sh.name}: same form`);
      const a = jx.scoreInput(imported.form);
      const b = jx.scoreInput(want);
      t.ok(a.ok && b.ok);
      if (a.ok && b.ok) {
        t.equal(a.result.total, b.result.total, `${sh.name}: same total ${b.result.total}`);
        t.equal(a.result.grade, b.result.grade);
        t.equal(a.result.funds.score, b.result.funds.score);
        t.same(a.result.indicators.map((x) => x.score), b.result.indicators.map((x) => x.score));
      }
    }
  }
});

t.test('the seed totals come out of the workbooks', async (t) => {
  const want: Record<string, [string, string]> = { '01-jingban.xlsx': ['93.76', '优'], '02-dangan.xlsx': ['95.00', '优'], '03-dalou.xlsx': ['90.00', '优'] };
  for (const [file, [total, grade]] of Object.entries(want)) {
    const r = await importWorkbook(readFileSync(XLSX_DIR + file));
    if (!r.ok) throw new Error(file);
    const s = scoreImported(jx, r.forms[0]);
    t.ok(s.ok);
    t.equal(s.result?.total, total, file);
    t.equal(s.result?.grade, grade);
    t.equal(s.result?.policy.id, 'shanxi-2022', 'the region was recognised from the unit name');
  }
});

t.test('regenerating the fixtures gives the same cell content', async (t) => {
  for (const spec of FIXTURES) {
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load((await buildFixture(spec)) as unknown as ExcelJS.Buffer);
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.load(readFileSync(XLSX_DIR + spec.file) as unknown as ExcelJS.Buffer);
    const dump = (wb: ExcelJS.Workbook) =>
      wb.worksheets.map((ws) => {
        const cells: string[] = [];
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (c) => void cells.push(`${c.address}=${JSON.stringify(c.value)}`)),
        );
        return { name: ws.name, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), cells };
      });
    t.same(dump(committed), dump(fresh), spec.file);
  }
});

t.test('findings point at cells', async (t) => {
  const r = await importWorkbook(readFileSync(XLSX_DIR + '03-dalou.xlsx'));
  if (!r.ok) throw new Error('import');
  const f = r.forms[0];
  t.equal(f.cells['/indicators/0/actual'], "'大楼 运行费'!G14", 'quoted sheet name, blank row and header row skipped');
  t.equal(f.cells['/proName'], "'大楼 运行费'!D3");
  const s = scoreImported(jx, f);
  const mismatch = s.result!.findings.find((x) => x.code === 'TOTAL_MISMATCH');
  t.equal(mismatch?.cell, "'大楼 运行费'!H24");
  t.ok(s.result!.findings.every((x) => typeof x.cell === 'string'), 'every finding has a cell');

  const one = await importWorkbook(readFileSync(XLSX_DIR + '01-jingban.xlsx'));
  if (!one.ok) throw new Error('import');
  t.equal(one.forms[0].cells['/indicators/4/actual'], 'Sheet1!G16');
  t.equal(one.forms[0].cells['/funds/rows/0/executed'], 'Sheet1!G7');
  t.equal(one.forms[0].cells['/reportedTotal'], 'Sheet1!H21');
  const capped = scoreImported(jx, one.forms[0]).result!.findings.find((x) => x.code === 'COST_ROW_CAPPED');
  t.equal(capped?.cell, 'Sheet1!F18');
});

t.test('attachCells walks up to the nearest pointer with a cell', async (t) => {
  const cells = { '': 'S!A1', '/indicators': 'S!D11', '/indicators/2': 'S!D14', '/indicators/2/actual': 'S!G14' };
  const mk = (pointer: string): { pointer: string; cell?: string } => ({ pointer });
  const got = attachCells([mk('/indicators/2/actual'), mk('/indicators/2/points'), mk('/indicators/9/x'), mk('/funds'), { pointer: '/x', cell: 'keep' }], cells);
  t.same(got.map((f) => f.cell), ['S!G14', 'S!D14', 'S!D11', 'S!A1', 'keep']);
  t.same(attachCells([mk('/a')], {}).map((f) => f.cell), [undefined]);
});

t.test('options: one sheet, a region code, an unknown sheet', async (t) => {
  const buf = readFileSync(XLSX_DIR + '06-seed-all.xlsx');
  const all = await importWorkbook(buf);
  t.ok(all.ok);
  if (all.ok) t.same(all.findings.map((f) => f.code), ['IMPORT_SHEET_SKIPPED'], 'the notes sheet is skipped');
  const one = await importWorkbook(buf, { sheet: '档案', mofDivCode: '140100' });
  t.ok(one.ok);
  if (one.ok) {
    t.equal(one.forms.length, 1);
    t.equal(one.forms[0].form.proName, '档案管理专项经费');
    t.equal(one.forms[0].form.mofDivCode, '140100');
  }
  const none = await importWorkbook(buf, { sheet: '没有' });
  t.equal(none.ok, false);
  if (!none.ok) {
    t.equal(none.error.code, 'IMPORT_SHEET_NOT_FOUND', 'a sheet name that is not there is said as such');
    t.match(none.error.message, /^工作簿中没有名为“没有”的工作表（现有工作表：“[^”]+”(、“[^”]+”)+）$/, 'with the sheets there are');
  }
  const central = await importWorkbook(readFileSync(XLSX_DIR + '04-central.xlsx'), { lang: 'en' });
  t.ok(central.ok);
  if (central.ok) {
    t.equal(central.forms[0].layout, 'central');
    t.equal(central.forms[0].form.mofDivCode, undefined, 'no province in the names: no region guessed');
  }
  const sichuan = await importWorkbook(readFileSync(XLSX_DIR + '05-sichuan.xlsx'));
  if (sichuan.ok) t.equal(sichuan.forms[0].layout, 'sichuan');
});

t.test('words: numbers, codes, totals, headers', async (t) => {
  t.same(readNumber('252.83'), { kind: 'number', value: '252.83', changed: false });
  t.same(readNumber(' 1,234.50 '), { kind: 'number', value: '1234.50', changed: true });
  t.same(readNumber('８.７６'), { kind: 'number', value: '8.76', changed: true });
  t.same(readNumber('87.61%', 'percent'), { kind: 'number', value: '87.61', changed: true });
  t.equal(readNumber('87.61%').kind, 'bad', 'a percent where none belongs');
  t.same(readNumber('10分', 'points'), { kind: 'number', value: '10', changed: true });
  t.equal(readNumber('10分', 'amount').kind, 'bad', '分 only on points');
  t.same(readNumber('31.59万元', 'amount'), { kind: 'number', value: '31.59', unit: '万元', changed: true });
  t.equal(readNumber('31.59万元', 'points').kind, 'bad', 'a money unit only on amounts');
  t.same(readNumber('.5'), { kind: 'number', value: '0.5', changed: true });
  t.same(readNumber('5.'), { kind: 'number', value: '5', changed: true });
  t.same(readNumber('+3'), { kind: 'number', value: '3', changed: true });
  t.same(readNumber('-.5'), { kind: 'number', value: '-0.5', changed: true });
  t.same(readNumber('-3'), { kind: 'number', value: '-3', changed: false }, 'the sign is kept: validation refuses a negative amount, with its cell');
  t.equal(readNumber('-0').kind, 'number');
  t.equal(readNumber('—').kind, 'blank');
  t.equal(readNumber('').kind, 'blank');
  t.equal(readNumber('十万').kind, 'bad');
  t.same(splitCodeName('209-山西省人力资源和社会保障厅'), { code: '209', name: '山西省人力资源和社会保障厅' });
  t.same(splitCodeName('[118001]青神县农业农村局本级'), { code: '118001', name: '青神县农业农村局本级' });
  t.same(splitCodeName('青神县农业农村局（118）'), { code: '118', name: '青神县农业农村局' });
  t.same(splitCodeName('209100'), { code: '209100' });
  t.same(splitCodeName('山西省社会保险局'), { name: '山西省社会保险局' });
  t.same(splitCodeName(' '), {});
  t.same(splitTotal('93.76 优'), { total: '93.76', grade: '优' });
  t.same(splitTotal('95分（良好）'), { total: '95', grade: '良好' });
  t.same(splitTotal('优'), { grade: '优' });
  t.equal(provinceOf('山西省社会保险局'), '140000');
  t.equal(provinceOf('陕西省财政厅'), '610000');
  t.equal(provinceOf('社会保险局'), null);
  t.equal(provinceOf(undefined), null);
  t.equal(norm('资金结（转）余：'), '资金结(转)余');
  t.equal(clean('a\r\n  b'), 'a\n b');
  t.equal(levelName('产出指标（50分）'), '产出指标');
  t.equal(fundColumn('资金结（转）余'), 'balance');
  t.equal(fundColumn('年度调整数'), 'adjustment');
  t.equal(fundColumn('权重'), 'points');
  t.equal(fundColumn('原因'), 'reason');
  t.equal(fundColumn('填报资金结(转)余'), 'reportedBalance');
  t.equal(fundColumn('填报备注'), null);
  t.equal(fundColumn('资金来源'), null);
  t.equal(indicatorColumn('评（扣）分标准'), 'evalStd');
  t.equal(indicatorColumn('扣减理由'), 'deductionReason');
  t.equal(indicatorColumn('扣减分数'), 'deduction');
  t.equal(indicatorColumn('人工评分'), 'manualScore');
  t.equal(indicatorColumn('全年实际值'), 'actual');
  t.equal(indicatorColumn('年度指标值'), 'target');
  t.equal(indicatorColumn('计量单位'), 'unit');
  t.equal(indicatorColumn('备注'), null);
  t.equal(analysisLabel('评价结论', labels), 'implementation');
  t.equal(analysisLabel('这是一段很长的文字。', labels), null);
});

t.test('grid: every kind of cell value', async (t) => {
  t.same(valueText(null), { text: '', numeric: false, noResult: false });
  t.equal(valueText(31.319999999999993).text, '31.32', 'float noise beyond 15 digits is dropped');
  t.equal(valueText(true).text, 'TRUE');
  t.equal(valueText(new Date(Date.UTC(2023, 11, 31))).text, '2023-12-31');
  t.equal(valueText(new Date(NaN)).text, '');
  t.equal(valueText({ richText: [{ text: '产出' }, { text: '指标' }] }).text, '产出指标');
  t.same(valueText({ formula: 'A1+B1' }), { text: '', numeric: false, noResult: true });
  t.equal(valueText({ formula: 'A1', result: 8.76 }).text, '8.76');
  t.equal(valueText({ sharedFormula: 'A1', result: 'x' }).text, 'x');
  t.equal(valueText({ error: '#DIV/0!' }).text, '#DIV/0!');
  t.equal(valueText({ text: '链接', hyperlink: 'http://x' }).text, '链接');
  t.equal(valueText(Symbol('x')).text, '');
  t.equal(numberText(Infinity), '');
  t.equal(colName(0), 'A');
  t.equal(colName(27), 'AB');
  t.equal(cellRef('Sheet1', 'A1'), 'Sheet1!A1');
  t.equal(cellRef("it's", 'A1'), "'it''s'!A1");
});

t.test('a sheet read from plain arrays: carry-over, subtotals, text numbers, unreadable cells', async (t) => {
  const g = gridFromArrays('表', [
    ['某某项目支出绩效自评表'],
    ['评价年度', '2021'],
    ['项目名称', '测试项目', '主管部门', '101', '实施单位', '某单位'],
    ['项目资金（元）', '年初预算数', '调整数', '全年预算数', '全年执行数', '执行率', '得分', '说明'],
    ['年度资金总额', '1,000', '-100', '900', '810', '90%', 'x9', '年中调减'],
    ['其中：本年财政拨款', '1000', null, '900', '810', null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析'],
    [null, '产出指标', '数量指标', '甲', '≥10个', '10个', '50', '50', null],
    [null, null, null, '乙', '≥5次', '5次', '四十', null, null],
    [null, null, '小计', null, null, null, '90', null, null],
    [null, '效益指标', null, '丙', '提升', '达成年度指标', '40分', '40', null],
    ['总分', null, null, null, null, null, '100', '', null],
  ]);
  const r = readSheet(g);
  if (!r || !r.form) throw new Error('no form');
  const f = r.form as Record<string, any>;
  t.equal(f.fiscalYear, 2021);
  t.equal(f.moneyUnit, '元');
  t.equal(f.deptCode, '101');
  t.equal(f.funds.rows[0].adjustment, '-100');
  t.equal(f.funds.rows[0].reportedRate, '90');
  t.equal(f.funds.rows[0].reportedScore, undefined, 'x9 cannot be read');
  t.equal(f.funds.rows[0].reason, '年中调减');
  t.equal(f.funds.rows[1].name, '本年财政拨款');
  t.same(f.indicators.map((i: any) => [i.level1, i.level2, i.name]), [
    ['产出指标', '数量指标', '甲'],
    ['产出指标', '数量指标', '乙'],
    ['效益指标', '', '丙'],
  ]);
  t.equal(f.indicators[1].points, undefined);
  t.equal(f.indicators[2].points, '40');
  t.equal(f.reportedTotal, '100');
  const codes = r.findings.map((x) => `${x.code} ${x.cell ?? ''}`);
  t.ok(codes.includes('IMPORT_CELL_UNREADABLE 表!G5'), 'x9');
  t.ok(codes.includes('IMPORT_CELL_UNREADABLE 表!G9'), '四十');
  t.ok(codes.some((c) => c.startsWith('IMPORT_VALUE_NORMALISED')), '40分 read as 40');
  const out = jx.scoreInput(r.form);
  t.equal(out.ok, false, 'a missing 分值 makes the form invalid');
  if (!out.ok) {
    const withCells = attachCells(out.problems, r.cells);
    t.ok(withCells.some((p) => p.pointer === '/indicators/1/points' && p.cell === '表!G9'), 'the problem names the cell');
  }
  t.equal(readSheet(gridFromArrays('空', [['随便写点什么']])), null);
});

/** Indicator names made like every section and total label of the layouts. */
const LABEL_LIKE_NAMES = [
  '是否解决建档立卡人员看病难贵问题',
  '项目执行进度达标率',
  '满意度情况调查覆盖率',
  '改进措施落实率',
  '总分达标率',
  '存在问题整改率',
  '项目绩效分析报告报送及时性',
  '评价结论公开率',
  '主要经验做法推广数',
  '产出情况公开率',
  '效益情况跟踪次数',
  '预算执行情况公开率',
  '下一步改进措施及管理建议采纳率',
  '备注信息完整率',
  '小计准确率',
  '自评总分上报及时性',
  '合计',
  '总分',
];

function labelLike(json: Record<string, any>): Record<string, any> {
  const f = structuredClone(json);
  f.indicators.forEach((ind: Record<string, any>, i: number) => {
    const n = LABEL_LIKE_NAMES.length;
    ind.name = LABEL_LIKE_NAMES[i % n] + (i >= n ? String(i) : '');
  });
  return f;
}

t.test('indicator names like section labels: every fixture layout imports every row and the same score', async (t) => {
  for (const spec of FIXTURES) {
    for (const sh of spec.sheets) {
      const want = labelLike(loadJson(sh.json));
      const wb = new ExcelJS.Workbook();
      sh.write(wb, sh.name, want);
      const r = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
      if (!r.ok) throw new Error(`${spec.file}/${sh.name}: not imported`);
      const got = r.forms[0];
      t.equal(got.form.indicators.length, want.indicators.length, `${spec.file}/${sh.name}: every row`);
      t.same(parsed(got.form), parsed(want, ['id']), `${spec.file}/${sh.name}: same form`);
      t.same(got.findings.filter((f) => f.code === 'IMPORT_ROW_SKIPPED'), [], `${spec.file}/${sh.name}: nothing skipped`);
      const a = jx.scoreInput(got.form);
      const b = jx.scoreInput(want);
      if (!a.ok || !b.ok) throw new Error(`${spec.file}/${sh.name}: not scored`);
      t.equal(a.result.total, b.result.total, `${spec.file}/${sh.name}: same total ${b.result.total}`);
      t.equal(a.result.grade, b.result.grade);
    }
  }
});

t.test('the end of the indicator block is the layout’s: label cells left of the 三级指标 column', async (t) => {
  const g = gridFromArrays('表', [
    ['某项目支出绩效自评表（2023年度）'],
    ['项目名称', '测试项目'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
    ['资金总额', '100', '100', '90', '90%', '9'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '存在问题整改率', '≥90%', '95%', '30', '30', '无'],
    [null, null, null, '项目执行', '及时', '及时', '30', '30', null],
    [null, null, '小计', null, null, null, '60', '60', null],
    [null, '效益指标', '社会效益指标', '满意度情况', '≥90%', '92%', '30', '30', null],
    [null, null, null, '合计', '≥1次', '1次', '1', '1', null],
    [null, null, null, null, null, null, null, null, '这一行只有一段说明'],
    ['总分', null, null, null, null, null, '100', '100 优', null],
    ['项目绩效分析', '存在问题', '暂无问题'],
    [null, '改进措施', '继续保持', '多写的一格'],
    [null, '填表人', '张三'],
    [null, '存在问题', '第二次写'],
    ['备注：本表金额单位为万元'],
  ]);
  const r = readSheet(g);
  if (!r || !r.form) throw new Error('no form');
  const f = r.form as Record<string, any>;
  t.same(f.indicators.map((i: any) => i.name), ['存在问题整改率', '项目执行', '满意度情况', '合计'], 'names are never labels');
  t.equal(f.reportedTotal, '100');
  t.equal(f.reportedGrade, '优');
  t.same(f.analysis, { problems: '暂无问题', improvements: '继续保持' });
  const skipped = r.findings.filter((x) => x.code === 'IMPORT_ROW_SKIPPED').map((x) => x.cell);
  t.same(skipped, ['表!C8', '表!I11', '表!D14', '表!C16'], 'the subtotal, the stray note, the extra cell, a repeated label');
  const ignored = r.findings.filter((x) => x.code === 'IMPORT_CELL_IGNORED').map((x) => x.cell);
  t.same(ignored, ['表!B15', '表!C15', '表!A17'], 'the signature line (填表人) and the notes (备注) are said, each cell, as left out on purpose');
  const one = r.findings.find((x) => x.cell === '表!C8');
  t.equal(one?.message, '单元格表!C8所在行“小计”未读入：合计 / 小计行，由引擎按各指标重新计算');
});

t.test('labels.json: the funds total rows of the importer and the engine are one list', async (t) => {
  // [name, the block's total (importer isTotal), not a source (engine isTotalRow)]
  const cases: [string, boolean, boolean][] = [
    ['资金总额', true, true],
    ['资金总额：', true, true],
    ['年度资金总额', true, true],
    ['项目资金合计', true, true],
    ['总计', true, true],
    ['财政拨款小计', false, true], // 小计: a subtotal, never the total, never a source
    ['省级财政资金', false, false],
    ['其中：上年结转资金', false, false],
  ];
  for (const [name, total, notSource] of cases) {
    t.equal(isTotalFundName(name, labels), total, `${name}: total`);
    t.equal(labels.fundTotal(name) || labels.fundSubtotal(name), notSource, `${name}: labels.json`);
    t.equal(isTotalRow({ name } as FundRow, vocab), notSource, `${name}: engine`);
  }
});

t.test('a money unit in a cell: the form’s is read, another is left for validation to name', async (t) => {
  const g = gridFromArrays('钱', [
    ['某项目支出绩效自评表（2023年度）'],
    ['项目名称', '测试项目'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
    ['资金总额', '100万元', '1亿元', '９０', '90%', '9分'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '甲', '≥1次', '1次', '100', '90'],
    ['总分', null, null, null, null, null, '100', '90'],
  ]);
  const r = readSheet(g);
  if (!r || !r.form) throw new Error('no form');
  const row = (r.form as Record<string, any>).funds.rows[0];
  t.equal(row.initial, '100');
  t.equal(row.budget, '1亿元');
  t.equal(row.executed, '90');
  t.equal(row.reportedScore, '9');
  const out = jx.scoreInput(r.form);
  t.equal(out.ok, false);
  if (!out.ok) {
    const p = attachCells(out.problems, r.cells).find((x) => x.code === 'MONEY_UNIT_MISMATCH');
    t.equal(p?.cell, '钱!C4');
    t.equal(p?.params.unit, '亿元');
  }
});
