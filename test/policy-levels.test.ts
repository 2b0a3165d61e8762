/**
 * The policy's level points and optional grade as the engine reads them (scoring-rules.md
 * §3.2 rule 45: Hubei "预算执行情况20分,产出指标40分、效益指标和满意度指标40分 … 可以不评级").
 */
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { form, indicator, type Json } from './support/forms.js';

const jx = loadJixiao();

function score(input: Json, policyId: string) {
  const policy = jx.policies.get(policyId);
  if (!policy) throw new Error('no policy ' + policyId);
  const out = jx.scoreInput(input, { policy });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.result;
}

/** A Hubei-shaped form: execution 20 points, then 产出 / 效益 / 满意度 with the given points, every row met. */
const hubeiForm = (output: number, benefit: number, satisfaction: number) =>
  form({ funds: { points: 20, rows: [{ name: '资金总额', budget: '100', executed: '100' }] } }, [
    indicator({ level1: '产出指标', level2: '数量指标', name: '培训人次', points: output }),
    indicator({ level1: '效益指标', level2: '社会效益指标', name: '受益人数', points: benefit, target: '≥50人', actual: '50人' }),
    indicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', points: satisfaction, target: '≥90%', actual: '95%' }),
  ]);

const levelFindings = (r: { findings: { code: string; params?: Record<string, unknown> }[] }) =>
  r.findings.filter((f) => f.code === 'LEVEL_POINTS_DEVIATE').map((f) => f.params);

t.test('Hubei: 效益 + 满意度 = 40 together, however it is split', async (t) => {
  // [case, 产出, 效益, 满意度, expected LEVEL_POINTS_DEVIATE params]
  const rows: [string, number, number, number, Record<string, unknown>[]][] = [
    ['35 / 5 sums to 40', 40, 35, 5, []],
    ['30 / 10 sums to 40', 40, 30, 10, []],
    ['40 / 0 is no group for 满意度, 效益 alone is 40', 40, 40, 0, []],
    ['30 / 5 sums to 35', 45, 30, 5, [{ level1: '产出指标', sum: '45', expected: '40' }, { level1: '效益指标+满意度指标', sum: '35', expected: '40' }]],
  ];
  for (const [name, output, benefit, satisfaction, want] of rows) {
    const input = hubeiForm(output, benefit, satisfaction);
    if (satisfaction === 0) (input.indicators as Json[]).pop();
    const r = score(input, 'hubei');
    t.same(levelFindings(r), want, name);
    t.equal(r.pointsTotal, '100', `${name}: the form fills 100 points`);
  }
});

t.test('national: each 一级 is still checked on its own', async (t) => {
  const r = score(form({}, [
    indicator({ level1: '产出指标', level2: '数量指标', name: '培训人次', points: 50 }),
    indicator({ level1: '效益指标', level2: '社会效益指标', name: '受益人数', points: 35, target: '≥50人', actual: '50人' }),
    indicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', points: 5, target: '≥90%', actual: '95%' }),
  ]), 'national-2020');
  t.same(levelFindings(r), [{ level1: '效益指标', sum: '35', expected: '30' }, { level1: '满意度指标', sum: '5', expected: '10' }]);
});

t.test('Hubei may not grade: the grade is still computed, but not required', async (t) => {
  const hubei = score(hubeiForm(40, 35, 5), 'hubei');
  t.equal(hubei.total, '100.00');
  t.equal(hubei.grade, '优');
  t.equal(hubei.gradeCode, '1');
  t.equal(hubei.gradeRequired, false);
  const national = score(form(), 'national-2020');
  t.equal(national.grade, '优');
  t.equal(national.gradeRequired, true);
});
