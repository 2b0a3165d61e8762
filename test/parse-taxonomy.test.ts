import t from 'tap';
import {
  classifyLevels, hasReverseHint, isDoubleCountName, parseTarget, reverseHintOf,
} from '../src/core/parse/index.js';
import { loadVocabulary } from '../src/data/vocabulary.js';

const vocab = loadVocabulary();

type Row = [level1Key: string | null, level2Key: string | null, isCost: boolean, level1: string, level2: string];

const rows: Row[] = [
  // the seed forms (S1)
  ['output', 'output.quantity', false, '产出指标', '数量指标'],
  ['output', 'output.quality', false, '产出指标', '质量指标'],
  ['output', 'output.timeliness', false, '产出指标', '时效指标'],
  ['output', 'output.cost', true, '产出指标', '成本指标'],
  ['benefit', 'benefit.social', false, '效益指标', '社会效益指标'],
  ['satisfaction', 'satisfaction.service', false, '满意度指标', '服务对象满意度'],
  ['satisfaction', 'satisfaction.service', false, '满意度指标', '服务对象满意度指标'],
  // variants (integration.md §1.6.2, scoring-rules.md rule 66)
  ['output', 'output.timeliness', false, '产出指标', '进度指标'],
  ['output', 'output.cost', true, '产出指标', '经济成本指标'],
  ['benefit', 'benefit.ecological', false, '效益指标', '环境效益指标'],
  ['benefit', 'benefit.ecological', false, '效益指标', '生态效益指标'],
  ['benefit', 'benefit.economic', false, '效益指标', '经济效益指标'],
  ['benefit', 'benefit.sustainable', false, '效益指标', '可持续影响指标'],
  ['satisfaction', 'satisfaction.service', false, '满意度指标', '社会公众或服务对象满意度指标'],
  ['output', 'output.quantity', false, '项目完成指标', '数量指标'],
  ['benefit', 'benefit.social', false, '项目效益指标', '社会效益指标'],
  ['output', 'output.quantity', false, '产出', '数量'],
  // 成本指标 as its own 一级 ([R], 101号)
  ['cost', 'cost.economic', true, '成本指标', '经济成本指标'],
  ['cost', 'cost.social', true, '成本指标', '社会成本指标'],
  ['cost', 'cost.ecological', true, '成本指标', '生态环境成本指标'],
  ['cost', 'output.cost', true, '成本指标', '成本指标'],
  ['cost', null, true, '成本指标', ''],
  // as written on forms: points, numbering, full-width, spaces
  ['output', 'output.quantity', false, '产出指标(50分)', '数量指标'],
  ['benefit', 'benefit.social', false, '效益指标（30分）', ' 社会效益指标 '],
  ['output', 'output.quality', false, '一、产出指标', '（二）质量指标'],
  ['satisfaction', 'satisfaction.service', false, '满意度指标 (10分)', '服务对象满意度指标'],
  // unknown names: null keys, never an error
  [null, null, false, '其他指标', '其他'],
  [null, null, false, '', ''],
  ['output', null, false, '产出指标', '数量质量'],
  [null, 'output.quantity', false, '??', '数量指标'],
];

t.test('classifyLevels', async (t) => {
  for (const [level1Key, level2Key, isCost, l1, l2] of rows) {
    t.same(classifyLevels(l1, l2, vocab), { level1Key, level2Key, isCost }, `${l1} / ${l2}`);
  }
});

t.test('reverse hints and double count', async (t) => {
  const reverse: Array<[string | null, string]> = [
    ['发生次数', '安全事故发生次数'],
    ['事故', '安全事故起数'],
    ['成本', '项目总成本'],
    ['成本', '成本控制数'],
    ['结余率', '结余率'],
    ['逾期', '逾期发放率'],
    ['投诉', '群众投诉件数'],
    ['调整次数', '科目调整次数'],
    ['超概算', '超概算项目比例'],
    ['安全事件', '系统中断（安全事件）次数'],
    ['中断', '系统中断次数'],
    [null, '服务对象满意度'],
    [null, '投诉处理率'],
    [null, '政府采购节支率'],
    [null, '水电气消耗下降率'],
    [null, '档案保存完好率'],
    [null, ''],
  ];
  for (const [word, name] of reverse) {
    t.equal(reverseHintOf(name, vocab), word, name);
    t.equal(hasReverseHint(name, vocab), word !== null, name);
  }
  t.equal(hasReverseHint(null, vocab), false);
  t.equal(isDoubleCountName('预算执行率', vocab), true);
  t.equal(isDoubleCountName('资金支出率', vocab), true);
  t.equal(isDoubleCountName('项目资金执行率', vocab), true);
  t.equal(isDoubleCountName('政府采购执行率', vocab), false);
  t.equal(isDoubleCountName(undefined, vocab), false);
});

t.test('the 76 common indicators agree with the vocabulary', async (t) => {
  const list = vocab.commonIndicators;
  t.equal(list.length, 76);
  t.equal(new Set(list.map((c) => c.id)).size, 76, 'ids are unique');
  for (const c of list) {
    const cls = classifyLevels(c.level1, c.level2, vocab);
    t.ok(cls.level1Key && cls.level2Key, `${c.id}: ${c.level1} / ${c.level2} is classified`);
    t.equal(c.id.startsWith(`${cls.level2Key}.`), true, `${c.id} sits under ${cls.level2Key}`);
    // A reverse or "=0" row must be caught by the name hint; a positive one must not.
    if (c.direction === 'reverse' || c.directionNote === '=0') t.ok(hasReverseHint(c.name, vocab), `${c.name} hints ≤`);
    if (c.direction === 'positive') t.notOk(hasReverseHint(c.name, vocab), `${c.name} is not reverse`);
    if (c.unit && c.unit !== '日期' && c.unit !== '年月') {
      const first = c.unit.split(/[ /（,]/)[0];
      const p = parseTarget(`1${first}`, {}, vocab);
      t.ok(p.kind === 'quantitative' && p.unit.known, `${c.id}: unit ${first} is known`);
    }
  }
});
