/**
 * The whole 预算绩效情况说明 (seed section 十（四）): the seed's three forms stored as submissions
 * plus the department-wide zeros reproduce the seed's sentences for the figures they have; a
 * generated department whose grade counts are known by construction; formats, escaping, scope.
 */
import { readFileSync } from 'node:fs';
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { departmentParagraph } from '../src/narrative/index.js';
import { documentItems, disclosureDocument, documentHtml, budgetLevel, type StoredForm } from '../src/stats/document.js';
import { seed } from './support/forms.js';
import { known, storeApp } from './stats-helpers.js';

// Verbatim from the seed (shared/seed/000_c999e4cc1f383254.txt, 十（四）), where 8 projects and 749.99 万元 were
// published; our store holds the three forms printed in its annex, so those figures are substituted below.
const SEED = {
  p1: '根据预算绩效管理要求，山西省社会保险局部门（单位）按照“谁支出、谁自评”的原则，组织对2022年度省级财政年初预算安排的所有项目资金全面开展了绩效自评，涵盖一级项目0个，二级项目8个，共涉及资金749.99万元，占本部门（单位）项目支出总额的14.77%，其中一般公共预算项目支出749.99万元、政府性基金预算项目支出0万元、国有资金经营预算项目支出0万元、社会保险基金预算项目支出0万元。',
  p2: '组织开展了2022年度山西省社会保险局部门（单位）整体支出绩效自评，涉及资金0.00万元，其中一般公共预算支出0.00万元、政府性基金预算支出0万元、国有资金经营预算支出0万元、社会保险基金预算支出0万元。',
  p3: '组织对0等0个0级项目开展了部门评价，涉及资金0万元，其中一般公共预算支出0万元、政府性基金预算支出0万元、国有资金经营预算支出0万元、社会保险基金预算支出0万元。从评价结果来看，我单位2022年度的8个项目绩效自评结果均为优，较好地完成了全年工作任务。',
  level1: '山西省社会保险局部门（单位）2022年度一级项目绩效自评个数0个，涉及资金0.00万元：8个项目自评等级为“优”，0个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。对于自评结果为“中”和“差”的项目，本部门（单位）采取的改进管理措施为无。涉密项目除外。',
  level2: '山西省社会保险局部门（单位）2022年度省级部门预算二级项目绩效自评个数8个，涉及资金749.99万元：8个项目自评等级为“优”，0个项目自评等级为“良”，0个项目自评等级为“中”，0个项目自评等级为“差”。对于自评结果为“中”和“差”的项目，本部门（单位）采取的改进管理措施为无。涉密项目除外。',
  intro: '具体公开的每个项目绩效自评结果如下表述：',
  // The seed breaks this paragraph across two lines ("…绩效" / "目标…"): joined here.
  s3: '山西省社会保险局部门（单位）整体支出绩效自评综述：根据年初设定的绩效目标，山西省社会保险局部门（单位）整体绩效自评得分为0分。部门（单位）全年预算数为0万元，执行数为0万元，执行率为0%。年度绩效目标完成情况：一是无；二是无。发现的主要问题及原因：一是无；二是无。下一步改进措施：一是无；二是无。涉密内容除外。',
  s4: '无。',
  s5: '无。',
};

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/department/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

t.test('the seed department: its three forms and its department-wide form (the zeros) stored', async (t) => {
  const s = await storeApp(t);
  const refs = [];
  for (const name of ['01-jingban', '02-dangan', '03-dalou'] as const) refs.push(await s.submit(seed(name)));
  // The seed's 部门（单位）整体支出 form, built from its paragraph (test/fixtures/department/README.md).
  const deptRef = await s.submit(fixture('seed-shebao-2022'));
  // 333.20 of a project spending of 5077.79 万元 → 6.56 %.
  const res = await s.get('/v1/stats/disclosure/document?year=2022&unit=209100&spending=5077.79', s.bureau);
  t.equal(res.statusCode, 200, res.body);
  const d = res.json();
  const [one, two, three, four, five] = d.sections;
  const ours = (x: string) => x.replace('二级项目8个', '二级项目3个').replace('自评个数8个', '自评个数3个').replaceAll('749.99', '333.20').replace('14.77', '6.56');
  t.equal(one.paragraphs[0], ours(SEED.p1), '(1) projects, money, share, budget types');
  t.equal(one.paragraphs[1], SEED.p2, '(1) the department-wide zeros, verbatim, from its 资金来源 table');
  t.equal(one.paragraphs[2], SEED.p3.replace('8个项目绩效自评结果均为优', '3个项目绩效自评结果均为优'), '(1) no 部门评价, all 优');
  // The seed's 一级 sentence repeats the 二级 projects' "8 优" although it counts 0 一级 projects: we write 0.
  t.equal(two.paragraphs[0], SEED.level1.replace('8个项目自评等级为“优”', '0个项目自评等级为“优”'));
  t.equal(two.paragraphs[1], ours(SEED.level2).replace('8个项目自评等级为“优”', '3个项目自评等级为“优”'), '(2) 3 个“优”');
  t.equal(two.paragraphs[2], SEED.intro);
  t.equal(two.paragraphs.length, 6, 'one paragraph per published project');
  t.match(two.paragraphs[3], /^1\. 社会保险经办专项业务工作经费项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为93\.76分。项目全年预算数为252\.83万元，执行数为221\.51万元，执行率为87\.61%。/);
  t.match(two.paragraphs[3], /（项目自评表详见附件1）。$/);
  t.match(two.paragraphs[4], /^2\. 档案管理专项经费项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为95分。项目全年预算数为31\.59万元，执行数为31\.59万元，执行率为100%。/);
  t.match(two.paragraphs[5], /（项目自评表详见附件3）。$/);
  t.same(three.paragraphs, [SEED.s3], '(3) verbatim, from the stored department-wide form');
  t.same(four.paragraphs, [SEED.s4]);
  t.same(five.paragraphs, [SEED.s5]);
  t.same(d.sections.map((x: { title: string }) => x.title), ['预算绩效管理工作开展情况', '项目绩效自评结果', '部门（单位）整体支出绩效自评结果', '部门评价项目绩效评价结果', '其他需要说明的事项']);

  // The JSON companion: each figure with the submissions (id + version) it came from.
  const f = d.figures;
  t.same(f.projects, { value: '3', sources: refs });
  t.equal(f.projectFunds.value, '333.20');
  t.same(f.projectFunds.sources, refs);
  t.equal(f.share.value, '6.56');
  t.equal(f.spending.value, '5077.79');
  t.same(f.grades['优'], { value: '3', sources: refs });
  t.same(f.grades['良'], { value: '0', sources: [] });
  t.same(f.published.map((p: { source: unknown }) => p.source), refs);
  t.equal(f.departmentWide.present, true);
  t.same(f.departmentWide.total, { value: '0.00', sources: [deptRef] }, 'the department-wide figures come from its stored form');
  t.same(f.departmentWide.budgetTypes['一般公共预算'], { value: '0', sources: [deptRef], basis: '资金来源表' });
  t.ok(d.notes.length >= 1, 'what the text assumes is said');
  t.equal(d.text.split('\n\n')[0], '预算绩效情况说明');
  t.ok(d.text.includes(`（3）部门（单位）整体支出绩效自评结果\n\n${SEED.s3}`));

  // The current paragraph of GET /v1/stats/disclosure is unchanged next to it.
  const old = await s.get('/v1/stats/disclosure?year=2022&unit=209100', s.bureau);
  t.equal(old.json().projects, 3, 'the department-wide form is not counted as a project');
  t.equal(old.json().funds, '333.20');

  const text = await s.get('/v1/stats/disclosure/document?year=2022&unit=209100&format=text', s.bureau);
  t.equal(text.headers['content-type'], 'text/plain; charset=utf-8');
  t.ok(text.body.includes(SEED.p2));
  const html = await s.get('/v1/stats/disclosure/document?year=2022', await s.unitKey('209100'), { accept: 'text/html' });
  t.equal(html.statusCode, 200, 'a unit key defaults to its own unit');
  t.match(html.headers['content-type'], /^text\/html/);
  t.match(html.body, /<h2>（3）部门（单位）整体支出绩效自评结果<\/h2>/);
  t.ok(html.body.includes(`<p>${SEED.s3}</p>`));
  // The HTML escapes the seed's quotation marks nowhere (they are not HTML) but escapes markup:
  t.notMatch(html.body, /<script/);
});

t.test('a generated department: the counts are known by construction', async (t) => {
  const s = await storeApp(t);
  // 2 优 (100), 3 良 (80), 1 中 (60), 4 差 (40); every form 100 万元.
  const actuals = [100, 100, 80, 80, 80, 60, 40, 40, 40, 40];
  for (const [i, a] of actuals.entries()) await s.submit(known('301', i, a));
  const dept = await s.deptKey('301');
  const res = await s.get('/v1/stats/disclosure/document?year=2022', dept);
  t.equal(res.statusCode, 200, res.body);
  const d = res.json();
  t.equal(d.code, '301');
  t.equal(d.name, '部门301');
  t.same(
    Object.fromEntries(Object.entries(d.figures.grades as Record<string, { value: string }>).map(([g, f]) => [g, f.value])),
    { 优: '2', 良: '3', 中: '1', 差: '4' },
  );
  t.equal(d.figures.projectFunds.value, '1000.00');
  t.equal(d.figures.share, null, 'no spending supplied, no share');
  t.equal(
    d.sections[1].paragraphs[1],
    '部门301部门（单位）2022年度省级部门预算二级项目绩效自评个数10个，涉及资金1000.00万元：2个项目自评等级为“优”，3个项目自评等级为“良”，1个项目自评等级为“中”，4个项目自评等级为“差”。对于自评结果为“中”和“差”的项目，本部门（单位）采取的改进管理措施为无。涉密项目除外。',
  );
  t.match(d.sections[0].paragraphs[0], /涵盖一级项目0个，二级项目10个，共涉及资金1000\.00万元，其中一般公共预算项目支出1000\.00万元/);
  t.match(d.sections[0].paragraphs[2], /我单位2022年度的10个项目中，2个项目绩效自评结果为优，3个项目绩效自评结果为良，1个项目绩效自评结果为中，4个项目绩效自评结果为差。$/);
  t.equal(d.figures.grades['差'].sources.length, 4);
  // No department-wide form stored: (3) in the seed's words with zeros, and a note says so.
  t.equal(d.figures.departmentWide.present, false);
  t.equal(d.sections[2].paragraphs[0], SEED.s3.replaceAll('山西省社会保险局', '部门301'));
  t.match(d.notes.join(''), /未存储部门（单位）整体支出绩效自评表/);

  // Supplied figures in a POST body, and markup in them escaped in the HTML.
  const posted = await s.post(
    '/v1/stats/disclosure/document?format=html',
    s.bureau,
    {
      year: 2022,
      department: '301',
      spending: '4000',
      measures: '约谈项目单位<b>负责人</b>',
      other: '<script>alert(1)</script>',
      deptEvaluations: [{ name: '培训项目', funds: '12.5', score: '88', grade: '良' }],
    },
  );
  t.equal(posted.statusCode, 200);
  t.notMatch(posted.body, /<script>|<b>/);
  t.match(posted.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;。/);
  t.match(posted.body, /采取的改进管理措施为约谈项目单位&lt;b&gt;负责人&lt;\/b&gt;。/);
  t.match(posted.body, /组织对培训项目等1个二级项目开展了部门评价，涉及资金12\.5万元/);
  t.match(posted.body, /1\. 培训项目：涉及资金12\.5万元，评价得分为88分，评价等级为“良”。/);
  const json = await s.post('/v1/stats/disclosure/document', s.bureau, { year: 2022, department: '301', spending: '4000' });
  t.equal(json.json().figures.share.value, '25.00');

  // Scope: another department, a unit asking for a department, a bureau naming nothing, a bad body.
  const other = await s.deptKey('209');
  t.equal((await s.get('/v1/stats/disclosure/document?year=2022&unit=301100', other)).statusCode, 404);
  t.equal((await s.get('/v1/stats/disclosure/document?year=2022&department=301', other)).statusCode, 404);
  t.equal((await s.get('/v1/stats/disclosure/document?year=2022&department=301', await s.unitKey('301100'))).statusCode, 404);
  t.equal((await s.get('/v1/stats/disclosure/document?year=2022', s.bureau)).statusCode, 400);
  t.equal((await s.get('/v1/stats/disclosure/document?year=2021&department=301', s.bureau)).statusCode, 404);
  const bad = await s.post('/v1/stats/disclosure/document', s.bureau, { year: 2022, department: '301', deptEvaluations: [{ name: 'x' }] });
  t.equal(bad.statusCode, 400);
  t.match(bad.headers['content-type'], /application\/problem\+json/);
});

t.test('a stored department-wide form fills section (3) and the (1) sentence from its result', async (t) => {
  const out = loadJixiao().scoreInput(fixture('complete-2023'));
  if (!out.ok) throw new Error('fixture does not validate');
  const stored: StoredForm[] = [
    { id: 'd1', version: 2, kind: 'department', proName: '整体支出', input: fixture('complete-2023'), snapshot: { grade: out.result.grade, total: out.result.total, budgetWan: '1000', result: out.result } },
  ];
  const { projects, dept, unscored } = documentItems(stored, () => undefined);
  t.same(projects, []);
  t.same(unscored, []);
  t.same(dept?.ref, { id: 'd1', version: 2 });
  const doc = disclosureDocument({ year: 2023, code: '101001', name: '示范市社会保险事业服务中心', mofDivCode: '140100' }, projects, dept);
  t.equal(doc.sections[2].paragraphs[0], departmentParagraph(out.result), "(3) is the department form's own 综述");
  t.match(doc.sections[2].paragraphs[0], /整体绩效自评得分为97\.24分。部门（单位）全年预算数为1000万元，执行数为950万元，执行率为95%。/);
  t.equal(
    doc.sections[0].paragraphs[1],
    '组织开展了2023年度示范市社会保险事业服务中心部门（单位）整体支出绩效自评，涉及资金1000.00万元，其中一般公共预算支出900.00万元、政府性基金预算支出100万元、国有资金经营预算支出0万元、社会保险基金预算支出0万元。',
    'the budget types from its 资金来源 table',
  );
  t.same(doc.figures.departmentWide.total, { value: '97.24', sources: [{ id: 'd1', version: 2 }] });
  t.equal(doc.figures.departmentWide.budgetTypes?.['政府性基金预算'].value, '100');
  t.match(doc.sections[1].paragraphs[1], /市级部门预算二级项目/, '140100 is a city');
  t.match(documentHtml(doc), /<title>示范市社会保险事业服务中心2023年度预算绩效情况说明<\/title>/);
  // A result without a department block (an older store) is written in the seed's words from its numbers.
  const bare = documentItems([{ ...stored[0], snapshot: { ...stored[0].snapshot!, result: { total: '92.50', funds: { budget: '12000000', executed: '11400000', rate: '95.00', moneyUnit: '元' } } } }], () => undefined).dept;
  const old = disclosureDocument({ year: 2023, code: 'x', name: '某单位', mofDivCode: null }, [], bare);
  t.match(old.sections[2].paragraphs[0], /部门（单位）全年预算数为1200万元，执行数为1140万元，执行率为95%。年度绩效目标完成情况：一是无；二是无。/);
});

t.test('budget level from the region code', async (t) => {
  const cases: [string | null, string][] = [
    ['140000', '省级'],
    ['140100', '市级'],
    ['140105', '县级'],
    ['140105001', '县级'],
    [null, '省级'],
  ];
  for (const [code, level] of cases) t.equal(budgetLevel(code), level, String(code));
});
