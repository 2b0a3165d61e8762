/**
 * Issue 8 on the exports: a provisional total and grade carry a visible mark "（暂定）" with the
 * reasons (rows needing review, points not summing to the policy's total) and the total/grade
 * explanations; a grade the policy does not require is "仅供参考". The workbook keeps the
 * values themselves plain (the mark is number formatting), and importing it gives the form back.
 */
import ExcelJS from 'exceljs';
import t from 'tap';
import type { ScoreResult } from '../src/core/model/result.js';
import { exportHtml, exportWorkbook } from '../src/excel/export/index.js';
import { GRADE_NOT_REQUIRED, gradeMark, provisionalReasons, totalLines, totalMark } from '../src/excel/export/marks.js';
import { importWorkbook } from '../src/excel/import/index.js';
import { loadJixiao } from '../src/jixiao.js';
import { SEED_DIR, loadJson, parsed } from './support/make-workbooks.js';

const jx = loadJixiao();
const SEED01 = loadJson(SEED_DIR + '01-jingban.json');
const EXPLAINED = { total: '执行率得分 8.76 + 指标得分 85.00 = 93.76', grade: '93.76 ≥ 90 → 优' };

function scored(input: unknown, over: Partial<ScoreResult> = {}) {
  const out = jx.scoreInput(input, { policy: jx.policies.get('shanxi-2022')! });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return { form: out.form, result: { ...out.result, ...over } };
}

type MarkCase = Pick<ScoreResult, 'provisional' | 'gradeRequired' | 'grade' | 'explanation' | 'indicators' | 'findings'>;
const bare = (provisional: boolean, gradeRequired: boolean, grade: string | null): MarkCase => ({
  provisional,
  gradeRequired,
  grade,
  explanation: { total: '', grade: '' },
  indicators: [],
  findings: [],
});

t.test('the marks beside the total and the grade', async (t) => {
  // [why, provisional, grade required, grade, total mark, grade mark]
  const rows: [string, boolean, boolean, string | null, string, string][] = [
    ['final and required: no mark', false, true, '优', '', ''],
    ['provisional: both marked', true, true, '良', '（暂定）', '（暂定）'],
    ['grade not required: for reference', false, false, '优', '', '（仅供参考）'],
    ['provisional and not required', true, false, '优', '（暂定）', '（暂定，仅供参考）'],
    ['no grade: nothing to mark', true, true, null, '（暂定）', ''],
  ];
  for (const [why, provisional, required, grade, total, gradeText] of rows) {
    const r = bare(provisional, required, grade);
    t.equal(totalMark(r), total, why);
    t.equal(gradeMark(r), gradeText, why);
  }
});

t.test('why the total is provisional, and the lines under it', async (t) => {
  const r: MarkCase = {
    ...bare(true, false, '优'),
    explanation: EXPLAINED,
    indicators: [
      { name: '印刷数', status: 'needs_review' },
      { name: '调研', status: 'met' },
      { name: '满意度', status: 'needs_review' },
    ] as ScoreResult['indicators'],
    findings: [{ code: 'WEIGHT_SUM', severity: 'error', pointer: '/indicators', message: '', params: { sum: '90', expected: '100' } }],
  };
  t.same(provisionalReasons(r), ['2个指标需人工复核（印刷数、满意度）', '分值合计90分，不等于政策总分100分']);
  t.same(totalLines(r), [
    '总分与等级暂定：2个指标需人工复核（印刷数、满意度）；分值合计90分，不等于政策总分100分',
    '总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76',
    '等级评定：93.76 ≥ 90 → 优',
    '不要求评级，计算等级仅供参考',
  ]);
  t.same(provisionalReasons(bare(true, true, '优')), ['有待人工复核的事项'], 'provisional with no reason in the result');
  t.same(totalLines(bare(false, true, '优')), [], 'final, required, unexplained: no lines');
});

async function totalRow(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name !== '汇总')!;
  let label: ExcelJS.Cell | undefined;
  let notes: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value === '总分') label ??= c;
      if (c.value === '总分说明') notes ??= c;
    }),
  );
  const row = ws.getRow(Number(label!.row));
  return { wb, total: row.getCell(8), grade: row.getCell(9), notes: notes ? ws.getRow(Number(notes.row)).getCell(8) : undefined };
}

t.test('the workbook: the mark in the number format, the value plain, the lines in a 总分说明 row', async (t) => {
  const s = scored(SEED01, { provisional: true, gradeRequired: true, explanation: EXPLAINED });
  const { total, grade, notes } = await totalRow(await exportWorkbook([s]));
  t.equal(total.value, 93.76, 'the total stays a number');
  t.equal(total.numFmt, '0.00"（暂定）"');
  t.equal(grade.value, '优', 'the grade stays the word');
  t.equal(grade.numFmt, '@"（暂定）"');
  t.equal(
    notes?.value,
    ['总分与等级暂定：有待人工复核的事项。', '总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76。', '等级评定：93.76 ≥ 90 → 优。'].join('\n'),
  );
});

t.test('the workbook: a final total has no mark and no extra row', async (t) => {
  const s = scored(SEED01, { provisional: false, gradeRequired: true, explanation: { total: '', grade: '' } });
  const { total, grade, notes } = await totalRow(await exportWorkbook([s]));
  t.equal(total.numFmt, '0.00');
  t.not(String(grade.numFmt ?? ''), '@"（暂定）"');
  t.equal(notes, undefined);
});

t.test('the batch summary marks a provisional total and grade', async (t) => {
  const a = scored(SEED01, { provisional: true, gradeRequired: true });
  const b = scored(SEED01, { provisional: false, gradeRequired: false });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportWorkbook([a, b])) as unknown as ExcelJS.Buffer);
  const sum = wb.worksheets[0];
  t.equal(sum.getCell('G3').value, 93.76);
  t.equal(sum.getCell('G3').numFmt, 'General"（暂定）"');
  t.equal(sum.getCell('H3').numFmt, '@"（暂定）"');
  t.equal(sum.getCell('H4').numFmt, '@"（仅供参考）"', 'a grade the policy does not require');
});

t.test('importing a marked export gives the same form back', async (t) => {
  const s = scored(SEED01, { provisional: true, gradeRequired: false, explanation: EXPLAINED });
  const back = await importWorkbook(await exportWorkbook([s]));
  t.ok(back.ok);
  if (back.ok) t.same(parsed(back.forms[0].form), parsed(SEED01));
});

t.test('HTML: the marks beside the total and the grade, and the lines', async (t) => {
  const html = exportHtml([scored(SEED01, { provisional: true, gradeRequired: false, explanation: EXPLAINED })]);
  t.match(html, '93.76<span class="mark">（暂定）</span>');
  t.match(html, '优<span class="mark">（暂定，仅供参考）</span>');
  t.match(html, '总分计算：执行率得分 8.76 + 指标得分 85.00 = 93.76。');
  t.match(html, '等级评定：93.76 ≥ 90 → 优。');
  t.match(html, GRADE_NOT_REQUIRED);
  t.match(html, 'span.mark{');
  const plain = exportHtml([scored(SEED01, { provisional: false, gradeRequired: true, explanation: { total: '', grade: '' } })]);
  t.notMatch(plain, '<span class="mark">', 'a final total has no mark');
});
