/** Statistics and the disclosure paragraph, from rows (no database). */
import t from 'tap';
import { disclosure } from '../src/stats/disclosure.js';
import { computeStats, spread, UNGRADED } from '../src/stats/stats.js';
import type { StatRow } from '../src/store/types.js';

let n = 0;
function row(over: Partial<StatRow>): StatRow {
  n++;
  return {
    id: `s${n}`,
    mofDivCode: '140000',
    fiscalYear: 2022,
    deptCode: '209',
    deptName: '人社厅',
    agencyCode: '209100',
    agencyName: '社保局',
    proCode: `P${n}`,
    proName: `项目${n}`,
    total: '90.00',
    grade: '优',
    gradeCode: '1',
    reportedTotal: null,
    reportedGrade: null,
    pointsTotal: '100',
    budgetWan: '10',
    policyId: 'shanxi-2022',
    firstGrade: '优',
    findings: {},
    ...over,
  };
}

t.test('spread: mean, population standard deviation, min, max, exactly', async (t) => {
  t.same(spread([]), { mean: null, stddev: null, min: null, max: null });
  t.same(spread(['90', '95', '100']), { mean: '95.00', stddev: '4.08', min: '90.00', max: '100.00' });
  t.same(spread(['0.1', '0.2']), { mean: '0.15', stddev: '0.05', min: '0.10', max: '0.20' });
});

t.test('counts, funds, findings and anomalies by department', async (t) => {
  const rows = [
    row({ total: '95.00', budgetWan: '0.1', findings: { TOTAL_MISMATCH: 1, ACTUAL_HAS_OPERATOR: 3 }, reportedTotal: '99' }),
    row({ total: '85.50', grade: '良', budgetWan: '0.2', findings: { GRADE_MISMATCH: 1, ACTUAL_HAS_OPERATOR: 1 }, reportedGrade: '优', firstGrade: '良' }),
    row({ total: '70.00', grade: '中', firstGrade: '良', pointsTotal: '95', findings: { WEIGHT_SUM: 1 } }),
    row({ total: '40.00', grade: null, gradeCode: null, deptCode: '301', deptName: null, agencyCode: '301100', firstGrade: null }),
  ];
  const s = computeStats(rows, 2);
  t.equal(s.count, 4);
  t.same(s.grades, { 优: 1, 良: 1, 中: 1, 差: 0, [UNGRADED]: 1 });
  t.equal(s.funds, '20.30', '0.1 + 0.2 + 10 + 10, exactly');
  t.same(s.topFindings, [
    { code: 'ACTUAL_HAS_OPERATOR', projects: 2, occurrences: 4 },
    { code: 'GRADE_MISMATCH', projects: 1, occurrences: 1 },
  ]);
  t.same(s.anomalyCounts, { total_mismatch: 1, grade_mismatch: 1, grade_changed_by_rescore: 1, points_not_100: 1 });
  t.equal(s.departments.length, 2);
  const [a, b] = s.departments;
  t.equal(a.deptCode, '209');
  t.equal(a.deptName, '人社厅');
  t.equal(a.anomalies.length, 3);
  t.same(a.anomalies.find((x) => x.total === '70.00')!.kinds, ['grade_changed_by_rescore', 'points_not_100']);
  t.equal(b.deptCode, '301');
  t.equal(b.deptName, null);
  t.equal(b.anomalies.length, 0);
  t.equal(b.score.mean, '40.00');
});

t.test('the disclosure paragraph', async (t) => {
  const d = disclosure([row({ budgetWan: '100.5' }), row({ grade: '良', budgetWan: '50' }), row({ grade: null, budgetWan: '0' }), row({ grade: '低' })], {
    year: 2022,
    unit: '209100',
    spending: '0',
  });
  t.equal(d.projects, 4);
  t.equal(d.funds, '160.50');
  t.equal(d.share, null, 'no share of a zero total');
  t.equal(d.spending, '0');
  t.match(d.paragraph, /社保局部门（单位）按照“谁支出、谁自评”的原则，组织对2022年度项目资金全面开展了绩效自评，涵盖项目4个，共涉及资金160\.50万元。/);
  t.match(d.paragraph, /1个项目自评等级为“优”，1个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”，1个项目自评等级为“低”，1个项目待复核。/);
  t.notMatch(d.paragraph, /均为优/);
  const named = disclosure([row({ agencyName: null })], { year: 2023, unit: '209100', spending: '40' });
  t.equal(named.unitName, null);
  t.match(named.paragraph, /^根据预算绩效管理要求，209100部门（单位）/);
  t.equal(named.share, '25.00');
  t.match(named.paragraph, /占本部门（单位）项目支出总额的25\.00%/);
  t.match(named.paragraph, /1个项目绩效自评结果为优，/, "one project: 为优, not 均为优 (all)");
  t.notMatch(named.paragraph, /均为优/);
  const none = disclosure([], { year: 2023, unit: '209100' });
  t.equal(none.projects, 0);
  t.equal(none.funds, '0.00');
  t.notMatch(none.paragraph, /均为优/);
});
