/** The 项目绩效自评综述: the seed's figures, every indicator with its actual, ordinals. */
import t from 'tap';
import { loadJixiao } from '../src/jixiao.js';
import { chineseNumber, indicatorPhrase, ordinal, ordinalList, plain, summaryParagraph } from '../src/narrative/index.js';
import { SEED_DIR, XLSX_DIR, loadJson } from './support/make-workbooks.js';

const jx = loadJixiao();

function scoredOf(input: unknown) {
  const out = jx.scoreInput(input);
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out;
}

t.test('01-jingban: the seed figures and every indicator with its actual value', async (t) => {
  const out = scoredOf(loadJson(SEED_DIR + '01-jingban.json'));
  const text = summaryParagraph(out.result, out.form);
  t.match(text, /^根据年初设定的绩效目标，项目绩效自评得分为93\.76分。项目全年预算数为252\.83万元，执行数为221\.51万元，执行率为87\.61%。/);
  t.match(text, /项目绩效目标完成情况：一是/);
  for (const phrase of [
    '社保业务专项调研大于等于5次',
    '业务文件汇编等印刷数大于等于3000册',
    '职工权益记录单制作邮寄大于等于42万人',
    '资金使用合规性等于100%',
    '政府采购执行率大于等于99%',
    '养老金按时发放及时性达成预期指标',
    '成本指标达成预期指标',
    '工作效率提升度达成预期指标',
    '服务人员满意度大于等于98%',
  ]) {
    t.ok(text.includes(phrase), phrase);
  }
  for (const ind of out.form.indicators) t.ok(text.includes(ind.name ?? '—'), `names ${ind.name}`);
  t.match(text, /二是质量指标方面/);
  t.match(text, /存在的主要问题：绩效管理制度不够完善/);
  t.equal(summaryParagraph(out.result, out.form), text, 'deterministic');
});

t.test('missed indicators carry their target and the filer’s reason; no form, no rate', async (t) => {
  const central = scoredOf(loadJson(XLSX_DIR + '04-central.json'));
  const text = summaryParagraph(central.result, central.form);
  t.match(text, /执行率为89\.50%/);
  t.match(text, /养护任务按时完成率为92%（年度指标值为等于100%，未完全达成，原因是受汛期影响/);
  t.match(text, /日常养护道路里程为126公里/);
  const sichuan = scoredOf(loadJson(XLSX_DIR + '05-sichuan.json'));
  const st = summaryParagraph(sichuan.result, sichuan.form);
  t.match(st, /农村户厕改造户数为1236户/, 'the unit column is used for a bare number');
  t.match(st, /生活垃圾收运处置体系覆盖率为88%（年度指标值为大于等于90%/);
  t.match(st, /四是经济成本指标方面/);
  // Without the form: only the result's own texts.
  const bare = summaryParagraph(central.result);
  t.notMatch(bare, /存在的主要问题/);
  t.match(bare, /未完全达成）/, 'no reason without the form');
  // A zero budget has no rate.
  const zero = scoredOf({ ...loadJson(XLSX_DIR + '04-central.json'), funds: { rows: [{ name: '年度资金总额', budget: '0', executed: '0' }] } });
  t.match(summaryParagraph(zero.result, zero.form), /执行数为0万元。项目年度/);
});

t.test('phrases of odd actual values', async (t) => {
  const base = scoredOf(loadJson(SEED_DIR + '01-jingban.json')).result.indicators[0];
  const withActual = (raw: string, kind: 'quantitative' | 'qualitative' | 'empty') => ({ ...base, actual: { ...base.actual, raw, kind } });
  t.equal(indicatorPhrase(withActual('', 'empty')), '社保业务专项调研未填报实际完成值');
  t.equal(indicatorPhrase(withActual('不少于6次', 'quantitative')), '社保业务专项调研大于等于6次');
  t.equal(indicatorPhrase(withActual('<=3次', 'quantitative')), '社保业务专项调研小于等于3次');
  t.equal(indicatorPhrase(withActual('>3次', 'quantitative')), '社保业务专项调研大于3次');
  t.equal(indicatorPhrase(withActual('＜3次', 'quantitative')), '社保业务专项调研小于3次');
  t.equal(indicatorPhrase(withActual('6', 'quantitative'), '次'), '社保业务专项调研为6次');
  t.equal(indicatorPhrase(withActual('效果良好', 'qualitative')), '社保业务专项调研为“效果良好”');
  t.equal(indicatorPhrase(withActual('部分达成年度指标并具有一定效果', 'qualitative')), '社保业务专项调研部分达成年度指标并具有一定效果');
  t.equal(plain('252.830'), '252.83');
  t.equal(plain(''), '');
  t.equal(plain(null), '');
  t.equal(plain('abc'), 'abc');
});

t.test('Chinese ordinals', async (t) => {
  t.same([1, 2, 9, 10, 11, 19, 20, 21, 99].map(ordinal), ['一是', '二是', '九是', '十是', '十一是', '十九是', '二十是', '二十一是', '九十九是']);
  t.same([0, 100, 105, 110, 115, 120, 999].map(chineseNumber), ['零', '一百', '一百零五', '一百一十', '一百一十五', '一百二十', '九百九十九']);
  t.equal(chineseNumber(1000), '1000');
  t.equal(chineseNumber(-1), '-1');
  t.equal(chineseNumber(1.5), '1.5');
  t.equal(ordinalList(['甲', '乙']), '一是甲；二是乙');
  const eleven = ordinalList(Array.from({ length: 11 }, (_, i) => `第${i + 1}项`));
  t.match(eleven, /十是第10项；十一是第11项$/);
});
