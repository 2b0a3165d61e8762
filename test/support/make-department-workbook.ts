/**
 * Writes test/fixtures/department/complete-2023.xlsx: the hand-built department form of
 * complete-2023.json as a filer would lay it out (scoring-rules.md §4: identity, 资金类别 /
 * 资金来源 / 资金方向 tables, 年度目标 / 重点工作任务, 绩效指标 grouped by goal, 总分, 问题与改进),
 * written cell by cell with exceljs — not by jixiao's exporter — so that the importer is tested on
 * a layout it did not write. Reproducible (fixed document dates):
 *
 *   npx tsx test/support/make-department-workbook.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

type Json = Record<string, any>;
const DIR = new URL('../fixtures/department/', import.meta.url);

export async function departmentWorkbook(form: Json): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao test fixture';
  wb.created = new Date('2024-01-15T00:00:00Z');
  wb.modified = new Date('2024-01-15T00:00:00Z');
  const ws = wb.addWorksheet('部门整体支出自评表');
  ws.columns = [8, 12, 12, 22, 14, 14, 10, 10, 24].map((width) => ({ width }));
  let r = 1;
  const line = (values: (string | number | null)[]) => {
    values.forEach((v, c) => {
      if (v !== null) ws.getCell(r, c + 1).value = v;
    });
    r++;
  };
  ws.mergeCells(r, 1, r, 9);
  line(['部门（单位）整体支出绩效自评表']);
  ws.mergeCells(r, 1, r, 9);
  line([`（${form.fiscalYear}年度）`]);
  line(['部门（单位）名称', form.agencyName, null, '单位代码', form.agencyCode, null, '财政区划代码', form.mofDivCode]);
  line(['主管部门', form.deptName, null, '主管部门代码', form.deptCode, null, '金额单位', form.moneyUnit]);
  r++;
  line(['资金类别', '年初预算数', '全年预算数', '全年执行数', '执行率']);
  for (const row of form.funds.rows) line([row.name, null, Number(row.budget), Number(row.executed), row.reportedRate ?? null]);
  r++;
  line(['资金来源', '全年预算数', '全年执行数']);
  for (const row of form.funds.sources) line([row.name, Number(row.budget), Number(row.executed)]);
  r++;
  line(['资金方向', '全年预算数', '全年执行数']);
  for (const row of form.funds.directions) line([row.name, Number(row.budget), Number(row.executed)]);
  r++;
  ws.mergeCells(r, 1, r, 9);
  line(['年度目标 / 重点工作任务']);
  line(['序号', '类型', '名称', '目标内容', '实际完成情况', '权重比例（%）']);
  form.goals.forEach((g: Json, i: number) => line([i + 1, g.type, g.name, g.target, g.completion, g.ratio ?? null]));
  r++;
  ws.mergeCells(r, 1, r, 9);
  line(['绩效指标']);
  line(['所属目标', '一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  form.goals.forEach((g: Json, gi: number) => {
    const start = r;
    for (const ind of g.indicators) line([gi + 1, ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.points, null, ind.deviationNote ?? null]);
    // The goal number merged down over its rows, as forms print it.
    if (r - start > 1) ws.mergeCells(start, 1, r - 1, 1);
  });
  r++;
  line(['总分', Number(form.reportedTotal), '等级', form.reportedGrade]);
  line(['发现的主要问题及原因', form.analysis.problems.join('\n')]);
  line(['下一步改进措施', form.analysis.improvements.join('\n')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The zip library under exceljs stamps every entry with the time of writing; while the fixture is
 * written, a date without arguments is the fixed one, so the committed bytes are reproducible.
 */
export async function atFixedTime<T>(f: () => Promise<T>): Promise<T> {
  const Real = Date;
  const fixed = Real.UTC(2024, 0, 15);
  globalThis.Date = class extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed);
      else super(...(args as [string]));
    }
    static now(): number {
      return fixed;
    }
  } as DateConstructor;
  try {
    return await f();
  } finally {
    globalThis.Date = Real;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const form = JSON.parse(readFileSync(new URL('complete-2023.json', DIR), 'utf8'));
  writeFileSync(new URL('complete-2023.xlsx', DIR), await atFixedTime(() => departmentWorkbook(form)));
  console.log('wrote test/fixtures/department/complete-2023.xlsx');
}
