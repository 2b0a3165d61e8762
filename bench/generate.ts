/**
 * A deterministic generator of realistic 项目支出绩效自评表 (same seed → same forms): 10–20
 * indicators over the usual 一级/二级 tree, every operator spelling, units with 万/亿, ranges,
 * qualitative rows with the tier labels of 2020, 2016 and the short forms, the Shanxi 未填报
 * cost row, and some filer mistakes (wrong scores, totals and grades, missing actuals, text in
 * number cells, units that do not match, over-achievement without a note).
 *
 *   npx tsx bench/generate.ts 100000 > bench/out/corpus.ndjson
 */

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GE = ['≥', '>=', '≧', '＞＝', '不低于', '不少于', '至少'];
const LE = ['≤', '<=', '≦', '不高于', '不超过'];
const EQ = ['=', '＝', '等于'];
const SUFFIX_GE = ['以上'];
const SUFFIX_LE = ['以内', '以下'];
const QUANT = [
  { l2: '数量指标', name: '培训人次', unit: '人次', base: 500 },
  { l2: '数量指标', name: '受益人数', unit: '万人', base: 42 },
  { l2: '数量指标', name: '业务文件印刷数', unit: '册', base: 3000 },
  { l2: '数量指标', name: '档案电子化转化数', unit: '卷', base: 1200 },
  { l2: '数量指标', name: '维护面积', unit: '平方米', base: 6000 },
  { l2: '质量指标', name: '验收合格率', unit: '%', base: 95 },
  { l2: '质量指标', name: '政府采购执行率', unit: '%', base: 98 },
  { l2: '质量指标', name: '资金使用合规性', unit: '%', base: 100 },
  { l2: '时效指标', name: '按时完成率', unit: '%', base: 100 },
];
const REVERSE = [
  { l2: '成本指标', name: '项目成本控制', unit: '万元', base: 90 },
  { l2: '质量指标', name: '安全事故发生次数', unit: '次', base: 0 },
  { l2: '时效指标', name: '平均办理时长', unit: '天', base: 5 },
];
const QUAL = [
  { l1: '产出指标', l2: '时效指标', name: '养老金发放及时性', target: '及时' },
  { l1: '效益指标', l2: '社会效益指标', name: '工作效率提升度', target: '提升' },
  { l1: '效益指标', l2: '社会效益指标', name: '管理制度健全性', target: '健全' },
  { l1: '效益指标', l2: '可持续影响指标', name: '长效机制', target: '有效' },
  { l1: '效益指标', l2: '经济效益指标', name: '带动产业发展', target: '效果明显' },
];
const TIERS = ['达成预期指标', '部分达成预期指标并具有一定效果', '未达成预期指标且效果较差', '达成年度指标', '部分达成年度指标', '达成', '部分达成', '未达成', '优', '良'];
const FUND_SOURCES = ['省级财政资金', '本年财政拨款', '上年结转资金', '其他资金'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function fix2(n: number): string {
  // Amounts as decimal strings, as exports give them (integer cents, no float formatting).
  const cents = Math.round(n * 100);
  return `${Math.trunc(cents / 100)}.${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** Split 90 points over n rows as whole numbers (so most forms sum to 100 with 10 for funds). */
function splitPoints(r: () => number, n: number, total: number): number[] {
  const pts = Array(n).fill(1) as number[];
  for (let left = total - n; left > 0; left--) pts[Math.floor(r() * n)]++;
  return pts;
}

export function generateForm(i: number, seed = 20221231): Record<string, unknown> {
  const r = rng(seed ^ Math.imul(i + 1, 0x9e3779b1));
  const n = 10 + Math.floor(r() * 11);
  const nQual = 2 + Math.floor(r() * 3);
  const nSat = 1;
  const nQuant = n - nQual - nSat;
  const points = splitPoints(r, n, r() < 0.05 ? 85 : 90); // 5 % of forms: points do not sum to 100
  const indicators: Record<string, unknown>[] = [];
  let k = 0;
  for (let q = 0; q < nQuant; q++) {
    const reverse = r() < 0.2;
    const def = reverse ? pick(r, REVERSE) : pick(r, QUANT);
    const target = def.base === 0 ? 0 : Math.max(1, Math.round(def.base * (0.8 + r() * 0.4)));
    const u = r() < 0.9 ? def.unit : '';
    const style = r();
    let op: string;
    let text: string;
    if (reverse) {
      op = target === 0 ? pick(r, EQ) : pick(r, LE);
      text = style < 0.15 && target !== 0 ? `${target}${u}${pick(r, SUFFIX_LE)}` : `${op}${target}${u}`;
    } else if (style < 0.1) {
      text = `${target}${u}${pick(r, SUFFIX_GE)}`;
    } else if (style < 0.15) {
      text = `${target}${u}`; // no operator written
    } else if (style < 0.2 && def.unit === '%') {
      text = `${target - 5}%-${Math.min(100, target + 5)}%`; // a range
    } else {
      text = `${pick(r, style < 0.6 ? GE : EQ)}${target}${u}`;
    }
    const m = r();
    let actualNum = reverse ? target * (0.7 + r() * 0.5) : target * (0.75 + r() * 0.35);
    if (m < 0.03) actualNum = target * 2.5; // over-achievement
    const actualStr = def.unit === '%' ? String(Math.min(100, Math.round(actualNum))) : String(Math.round(actualNum));
    let actual: string | undefined = r() < 0.2 ? `≥${actualStr}${def.unit}` : `${actualStr}${def.unit}`;
    if (m > 0.97) actual = undefined; // missing actual
    else if (m > 0.95) actual = '基本完成'; // text where a number is expected
    else if (m > 0.94) actual = `${actualStr}${def.unit === '万元' ? '元' : '个'}`; // unit mismatch
    const row: Record<string, unknown> = {
      level1: '产出指标',
      level2: def.l2,
      name: def.name,
      points: points[k],
      target: text,
      actual,
      reportedScore: r() < 0.9 ? points[k] : Math.max(0, points[k] - 1),
      deviationNote: r() < 0.7 ? '无偏差' : undefined,
    };
    if (r() < 0.1) row.points = String(points[k]); // points as a string
    indicators.push(row);
    k++;
  }
  for (let q = 0; q < nQual; q++) {
    const def = pick(r, QUAL);
    indicators.push({
      level1: def.l1,
      level2: def.l2,
      name: def.name,
      points: points[k],
      target: def.target,
      actual: pick(r, TIERS),
      reportedScore: points[k],
      deviationNote: '无偏差',
    });
    k++;
  }
  if (r() < 0.3) {
    // The Shanxi default cost row.
    indicators.push({ level1: '产出指标', level2: '成本指标', name: '成本指标', points: 0, target: '未填报', actual: '达成预期指标', reportedScore: 0 });
  }
  indicators.push({
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '服务对象满意度',
    points: points[k],
    target: `${pick(r, GE)}${90 + Math.floor(r() * 8)}%`,
    actual: `${90 + Math.floor(r() * 10)}%`,
    reportedScore: points[k],
    deviationNote: '无偏差',
  });

  if (r() < 0.01) indicators[0].points = '十分'; // 1 % of forms cannot be scored at all

  const budget = 10 + r() * 990;
  const executed = budget * (r() < 0.05 ? 1.02 : 0.6 + r() * 0.4);
  const rows: Record<string, unknown>[] = [
    { name: '资金总额', budget: fix2(budget), executed: fix2(executed), reportedRate: r() < 0.9 ? fix2((executed / budget) * 100) : '88.00' },
  ];
  const sources = 1 + Math.floor(r() * 2);
  for (let s = 0; s < sources; s++) {
    const share = sources === 1 ? 1 : s === 0 ? 0.7 : 0.3;
    rows.push({ name: FUND_SOURCES[s], budget: fix2(budget * share), executed: fix2(executed * share) });
  }
  const region = pick(r, ['140000', '140100', '110000', '510000', '420000', '360000', '330000', '450000', null]);
  return {
    id: `bench-${i}`,
    fiscalYear: 2020 + Math.floor(r() * 4),
    ...(region ? { mofDivCode: region } : {}),
    deptCode: String(200 + Math.floor(r() * 50)),
    agencyCode: String(200100 + Math.floor(r() * 900)),
    agencyName: `第${i % 997}预算单位`,
    proCode: `P${String(i).padStart(10, '0')}`,
    proName: `专项业务经费${i}`,
    funds: { rows },
    indicators,
    reportedTotal: r() < 0.8 ? fix2(85 + r() * 15) : undefined,
    reportedGrade: pick(r, ['优', '良', '优', '中']),
  };
}

/** NDJSON lines, made one at a time. */
export function* ndjson(count: number, seed?: number): Generator<string> {
  for (let i = 0; i < count; i++) yield JSON.stringify(generateForm(i, seed)) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  for (const line of ndjson(count)) process.stdout.write(line);
}
