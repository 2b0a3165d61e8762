/**
 * The scoring policy, declared once (scoring-rules.md §6.9). Everything else is derived:
 * - the policy file (scoring/*.json): `PolicyFileSchema`, its types `PolicyFile` (as written,
 *   decimals as strings) and `PolicyFileParsed` (decimals as `Dec`);
 * - scoring/policy.schema.json: `policyJsonSchemaText()` (`npm run policy-schema` writes it);
 * - the compiled `Policy` the engine reads (types.ts) and its JSON form on the wire,
 *   `PolicyWireSchema` (GET /v1/policies/:id and the OpenAPI document).
 * The declaration is written once as functions of how a decimal is represented — a string
 * in JSON, a `Dec` after parsing — and instantiated for each. Pure: no I/O.
 */
import { z } from 'zod';
import { Dec } from '../decimal.js';

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** The canonical 一级 keys of indicators/taxonomy.json that can carry default points. */
export const LEVEL1_KEYS = ['output', 'benefit', 'satisfaction', 'cost'] as const;
/** Keys that every policy must give points to, alone or in a joined group. */
export const REQUIRED_LEVEL1_KEYS = ['output', 'benefit', 'satisfaction'] as const;
const LEVEL1 = LEVEL1_KEYS.join('|');
export const LEVEL_GROUP_PATTERN = new RegExp(`^(${LEVEL1})(\\+(${LEVEL1}))*$`);

/** A decimal number written as a string ("1.2"), so that it never passes through a float. */
export const DecimalString = z.string().regex(DECIMAL_PATTERN).meta({
  description: '十进制数字字符串 / A decimal number written as a string, e.g. "1.2" (§6.7 rule 1: decimal arithmetic, never binary floats).',
});
/** The same string, turned into a `Dec` when a policy file is parsed. */
export const DecimalToDec = DecimalString.transform((s) => new Dec(s));

/** How a decimal is represented: any schema that reads a decimal string (a string, or a `Dec`). */
type DecimalSchema = z.ZodType<unknown, string>;

export const TierSchema = z.enum(['A', 'B', 'C']).meta({
  description: '定性档次 / Qualitative tier: A 达成, B 部分达成, C 未达成 (§1.4 rule 10).',
});

const intIn = (min: number, max: number, description: string) => z.int().min(min).max(max).meta({ description });
const year = (description: string) => z.int().min(1990).max(2100).nullable().meta({ description });
const text = (description: string) => z.string().min(1).meta({ description });

/** id, version, name, description, sources: the same in the file and in the compiled policy. */
function identity() {
  return {
    id: z.string().regex(/^[a-z0-9-]+$/).meta({ description: '政策标识,小写字母、数字、连字符 / Policy id, e.g. "shanxi-2022"; the profile name of §6.1 and §6.9.' }),
    version: z
      .string()
      .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/)
      .meta({ description: '政策文件版本(语义化版本) / Semantic version of this file; bump it on every change, because scores record the policy they used (§6.9).' }),
    name: text('中文名称 / Chinese display name of the profile (§6.9).'),
    description: text('说明:与全国口径的差异及其依据 / What differs from the national profile and on what evidence (§3, §6.9).'),
  };
}

const sources = () =>
  z
    .array(text('一条来源 / One source reference (§0.2–§0.4).'))
    .min(1)
    .meta({ description: '依据来源(scoring-rules.md §0 的编号及网址) / Evidence for this profile, by the source ids of scoring-rules.md §0 (P…, C…, S1) with what each supports.' });

function budget<D extends DecimalSchema>(dec: D) {
  const tier = z
    .strictObject({
      minRate: dec.meta({ description: '执行率下限(%,含) / Inclusive lower bound of the execution rate in percent (§3.3 rule 48).' }),
      share: dec.meta({ description: '得分占分值比例,0–1 / Score as a share of the execution points: 7 of 10 = "0.7" (§3.3 rule 48).' }),
    })
    .meta({ description: '一档 / One step: rates ≥ minRate (up to the next step) earn share × points (§3.3 rule 48).' });
  const common = {
    points: dec.meta({ description: '预算执行率分值 / Points of the execution rate: 10 nationally, 20 in Hubei (§1.2 rule 3, §3.2 rule 46).' }),
    rateDecimals: intIn(0, 6, '执行率(%)保留小数位;得分按舍入后的执行率计算 / Decimals of the rate in percent, rounded before scoring: 2 nationally, 0 in the Beijing 2016 form (§6.3, §3.8 rule 58).'),
    over100: z.enum(['error', 'allow']).meta({
      description: '执行率 > 100%:error = 报错(仍封顶计分);allow = 允许 / Rate above 100 %: an error finding (score still capped) or allowed, Zhejiang since 2024-04-01 (§1.5 rule 15, §3.4 rule 49).',
    }),
    zeroBudgetBothZeroRate: dec.nullable().meta({
      description: '预算数与执行数均为 0 时采用的执行率(%);null = 得 0 分并警告 / Rate in percent used when budget = execution = 0 (Zhejiang "100"); null = score 0 with a ZERO_BUDGET warning (§1.5 rule 16, §3.4 rule 49).',
    }),
    lowExecReasonThreshold: dec.nullable().meta({
      description: '执行率低于该值(%)须说明原因;null = 不要求 / A reason is required when the rate in percent is below this (Sichuan "90"); null = none (§1.5 rule 18, §3.7 rule 56).',
    }),
  };
  const { points, ...rest } = common;
  const linear = z.strictObject({
    points,
    formula: z.literal('linear').meta({ description: 'linear = 执行率 × 分值(封顶) / Rate × points, capped at the points (§1.5 rule 14).' }),
    tiers: z.array(tier).max(0).meta({ description: '线性计分不得有分档 / A linear formula has no tiers (§1.5 rule 14).' }),
    ...rest,
  });
  const tiered = z.strictObject({
    points,
    formula: z.literal('tiered').meta({ description: 'tiered = 分档计分 / Jiangxi step table (§3.3 rule 48).' }),
    tiers: z.array(tier).min(1).meta({ description: '分档表,至少一档,须有一档自 0 起 / Step table, at least one step and one starting at 0 (§3.3 rule 48).' }),
    ...rest,
  });
  return z
    .discriminatedUnion('formula', [linear, tiered])
    .meta({ description: '预算执行率得分 / Budget-execution score (§1.5, §6.3); formula selects the variant.' });
}

function quantitative<D extends DecimalSchema>(dec: D) {
  return z
    .strictObject({
      reverseFormula: z.enum(['linear_to_2T', 'ratio']).meta({
        description: '反向指标公式:linear_to_2T = (1 − (A − T)/T) × W,2T 时为 0;ratio = T/A × W / Reverse formula: linear penalty reaching 0 at twice the target (production, §1.3 rule 9) or the ratio T/A (P9/P10, §1.3 rule 8).',
      }),
      strictOperators: z.boolean().meta({
        description:
          '严格比较:true 时实际值等于目标值而指标为 ＞ 或 ＜ 视为未完成(按未达成计分);false(全国)时 ＞ 按 ≥、＜ 按 ≤ 计分 / Strict operators. true: an actual equal to a ＞ (GT) or ＜ (LT) target is not met and is scored as a miss; false (national, production): ＞ scores like ≥ and ＜ like ≤, so A = T earns full points (§2.2 rule 26, §6.4 strict_operators).',
      }),
      overachieveFactor: dec.meta({
        description: '超额完成标记倍数:A ≥ 倍数 × T 时标记 OVERACHIEVED / Actual at or above this multiple of the target is flagged OVERACHIEVED: 1.2 nationally, 1.3 in Guangxi (§1.3 rule 7, §3.5 rule 50).',
      }),
      overachieveRequiresReason: z.boolean().meta({ description: '超额完成是否必须填写偏差原因 / Whether an OVERACHIEVED row must carry a 偏差原因 (Guangxi, §3.5 rule 50).' }),
      allowManualOverride: z.boolean().meta({ description: '是否允许在未被标记的定量行上手工改分 / Allow a manual score on a quantitative row even when no flag is set (§6.6 rule 2).' }),
    })
    .meta({ description: '定量指标计分 / Scoring of quantitative indicators (§1.3, §6.4).' });
}

function qualitative<D extends DecimalSchema>(dec: D) {
  const tierMin = z
    .strictObject({
      A: dec.meta({ description: '达成年度指标 下限 / Lower bound of tier A (§1.4 rule 10).' }),
      B: dec.meta({ description: '部分达成年度指标并具有一定效果 下限 / Lower bound of tier B (§1.4 rule 10, §3.2 rule 47).' }),
      C: dec.meta({ description: '未达成年度指标且效果较差 下限,应为 0 / Lower bound of tier C; must be 0 (§1.4 rule 10).' }),
    })
    .meta({ description: '各档得分下限(占分值比例,含);上限为上一档下限(不含)或 1 / Inclusive lower bound of each tier as a share of the points; national 0.8 / 0.6 / 0, Hubei 0.8 / 0.5 / 0 (§1.4 rule 10, §3.2 rule 47).' });
  const defaults = z
    .strictObject({
      A: dec.nullable().meta({ description: 'A 档默认比例,全国为 1(满分) / Tier A default share: 1 = full points, as the S1 filings show (§6.5).' }),
      B: dec.nullable().meta({ description: 'B 档默认比例,无依据,默认 null / Tier B default share; no source, so null (§6.5).' }),
      C: dec.nullable().meta({ description: 'C 档默认比例,无依据,默认 null / Tier C default share; no source, so null (§6.5).' }),
    })
    .meta({ description: '未给手工分时的默认得分比例;null = 必须手工打分 / Score share when no manual score is given; null = a manual score is required (§6.5; B and C have no source).' });
  const graded = (w: string) => TierSchema.optional().meta({ description: `“${w}” → 档次 / Tier for the actual “${w}” (no source; §6.2 rule 4).` });
  const gradedActuals = z
    .strictObject({ 优: graded('优'), 良: graded('良'), 中: graded('中'), 低: graded('低'), 差: graded('差') })
    .meta({ description: '以 优良中低差 填写的实际完成值 → 档次;此映射无来源 / Actuals written as a grade word → tier. This mapping has NO source in scoring-rules.md; it extends the tier labels of §6.2 rule 4.' });
  return z
    .strictObject({
      tierMin,
      defaults,
      gradedActuals,
      acceptReportedScoreInTier: z.boolean().meta({
        description: "填报人自报得分落在档次区间内时作为手工分 / Use the filer's own 得分 as the manual score when it lies in the tier's range (§1.4 rule 12: the score within a tier is entered by a person).",
      }),
    })
    .meta({ description: '定性指标计分 / Scoring of qualitative indicators (§1.4, §6.5).' });
}

function gradeBand<D extends DecimalSchema>(dec: D) {
  return z
    .strictObject({
      min: dec.meta({ description: '总分下限(含,两位小数比较) / Inclusive lower bound on the 2-decimal total (§1.6 rule 20).' }),
      label: text('等级名称,如“优” / Label, e.g. “优” (§1.6 rule 20).'),
      code: z.string().regex(/^\d+$/).meta({ description: '数据标准评价等级代码:1 优 2 良 3 中 4 差 / 评价等级 code of the data standard (§6.8, §5.2).' }),
    })
    .meta({ description: '一个等级 / One grade band (§6.8).' });
}

/** The parameters that the file and the compiled policy share, field for field. */
function parameters<D extends DecimalSchema>(dec: D) {
  return {
    totalPoints: dec.meta({ description: '满分 / Total points of the form; budget points + level points must add up to it (§1.2 rule 3, §6.7 rule 4).' }),
    scoreDecimals: intIn(0, 6, '得分保留小数位,四舍五入 / Decimals of every computed score, ROUND_HALF_UP (§6.7 rule 1).'),
    tolerance: dec.meta({ description: '核对容差 / A printed total or score within this of the computed one is not a mismatch (§6.7 rule 5).' }),
    budget: budget(dec),
    quantitative: quantitative(dec),
    qualitative: qualitative(dec),
    costRow: z
      .strictObject({
        defaultRowCap: dec.nullable().meta({
          description: '默认成本行得分上限;null = 无上限(按缺失目标处理) / Cap on the default cost row\'s score: Shanxi "5"; null = no cap, the row is a missing target (§2.4 rule 35, §3.1 rule 40).',
        }),
      })
      .meta({ description: '默认(未填报)成本指标行 / The default 未填报 cost row (§2.4 rule 35, §6.6 rule 5).' }),
    adjustedTargetSkip: z.boolean().meta({ description: '年初指标值有值而调整后指标值为空时跳过该行 / Skip a row whose 年初指标值 is set and 调整后指标值 is cleared (Shanxi, §3.1 rule 41, §6.6 rule 5).' }),
    manualDeduction: z.boolean().meta({ description: '允许手工扣减分数(偏离度调减) / Allow a manual 扣减分数 subtracted from the auto score, floored at 0 (§3.5 rule 51, §6.6 rule 1).' }),
    excludeAndRenormalise: z.boolean().meta({ description: '不适用指标剔除后按百分制折算 / Drop non-applicable rows and rescale the indicator total to its nominal points (§3.11 rule 61, §6.6 rule 5).' }),
    department: department(dec),
  };
}

/** Optional: where the 部门整体支出 form is scored differently from a project form (§4 rules 62–64). */
function department<D extends DecimalSchema>(dec: D) {
  return z
    .strictObject({
      budgetPoints: dec.optional().meta({ description: '部门整体支出的预算执行率分值;省略时同项目 / Execution points of a department-wide form; default: budget.points (§4 rule 62).' }),
      categoryList: z.string().regex(/^[a-z0-9-]+$/).optional().meta({ description: '资金类别清单(indicators/department.json 的 categoryLists 键);省略时为 default / The money-category list of indicators/department.json; default "default" (§4 rule 63, C3).' }),
      grades: z.array(gradeBand(dec)).min(1).optional().meta({ description: '部门整体支出的等级档次,须有一档自 0 起;省略时同项目 / Grade bands of a department-wide form (older C5 rule 80 / 70 / 60); default: grades (§4 rule 64).' }),
    })
    .optional()
    .meta({ description: '部门(单位)整体支出绩效自评的不同规则(可选) / Rules of the department-wide form where they differ (optional; §4).' });
}

/** appliesTo in the file: regions and an inclusive year range. */
function appliesToFile() {
  return z
    .strictObject({
      regions: z
        .array(z.string().regex(/^\d{6}$/).meta({ description: '6位财政区划代码 / A 6-digit 财政区划 code, e.g. "140000" 山西 (§3.1).' }))
        .meta({ description: '财政区划代码(6位);"140000" 覆盖所有以 "14" 开头的代码;空数组 = 全国 / 6-digit 财政区划 codes; trailing "00" pairs are stripped to a prefix ("140000" covers "140100"). Empty = everywhere (§3).' }),
      years: z
        .strictObject({
          from: year('起始年度(含) / First fiscal year covered, null = no lower bound (§6.9).'),
          to: year('截止年度(含) / Last fiscal year covered, null = still in force (§6.9).'),
        })
        .meta({ description: '适用年度区间(含) / Inclusive range of fiscal years; null = open-ended (§3.4 Zhejiang since 2024, §3.8 Beijing 2016).' }),
    })
    .meta({ description: '适用范围 / Where and when the profile applies; the most specific region, then the latest year, wins (§3 provincial variants).' });
}

/** levelPoints in the file: canonical 一级 keys, or several joined by "+" for a sum the rule does not split. */
function levelPointsFile<D extends DecimalSchema>(dec: D) {
  return z
    .record(
      z.string().regex(LEVEL_GROUP_PATTERN).meta({ description: '一级指标键或以 + 连接的多个键 / A canonical 一级 key, or several joined by "+" (§6.9 l1_default_weights).' }),
      dec.meta({ description: '该一级指标(或合计)的默认分值 / Default points of that 一级 indicator, or of the joined group together (§1.2 rule 3).' }),
    )
    .meta({
      description:
        '一级指标默认分值;键为 output(产出)、benefit(效益)、satisfaction(满意度)、cost(成本,未经核实),或以 + 连接的几项合计,如湖北 "benefit+satisfaction": "40";output、benefit、satisfaction 各须出现一次;偏离仅提示 / Default points per 一级 indicator, keyed by output, benefit, satisfaction or cost (unverified, §2.4 rule 34), or by several joined with "+" whose points are a sum the rule does not split (Hubei "benefit+satisfaction": "40", §3.2 rule 45). output, benefit and satisfaction must each appear exactly once; a form that deviates gets an info finding only (§1.2 rules 3–5, §6.9 l1_default_weights).',
    });
}

const GRADE_REQUIRED =
  '是否必须评定等级 / Whether the policy requires a grade: false where grading is optional (Hubei "可以不评级"); the engine still computes one (§1.6 rule 21, §6.8)';

/** The policy file in scoring/ as written. */
function fileSchema<D extends DecimalSchema>(dec: D) {
  const { id, version, name, description } = identity();
  const { totalPoints, scoreDecimals, tolerance, budget, ...rest } = parameters(dec);
  return z
    .strictObject({
      $schema: z.string().optional().meta({ description: '指向本 schema 的路径,供编辑器使用 / Path to this schema, for editors only; not a scoring parameter (§6.9).' }),
      id,
      version,
      name,
      description,
      default: z.boolean().meta({ description: '是否为默认政策;只有 national-2020 为 true / The fallback profile when no other applies; exactly one file may be true, and only national-2020 is (§6 intro: default profile national-2020).' }),
      appliesTo: appliesToFile(),
      totalPoints,
      scoreDecimals,
      tolerance,
      budget,
      levelPoints: levelPointsFile(dec),
      ...rest,
      grades: z
        .array(gradeBand(dec))
        .min(1)
        .nullable()
        .meta({
          description: '评价等级档次(下限含),须有一档自 0 起;null = 可以不评级:按全国档次(优 90 / 良 80 / 中 60 / 差 0)计算等级,但不要求评级 / Grade bands, lower bound inclusive, one band must start at 0; null = grading is optional (Hubei): the national bands 90 / 80 / 60 / 0 still give a computed grade, and gradeRequired defaults to false (§1.6 rules 20–21, §6.8).',
        }),
      gradeRequired: z.boolean().optional().meta({ description: `${GRADE_REQUIRED}. Optional; default: true when grades is a list, false when grades is null.` }),
      sources: sources(),
    })
    .meta({
      title: 'jixiao scoring policy 评分政策',
      description: '一份评分政策(profile)的全部参数 / Every parameter of one scoring profile (scoring-rules.md §6.9). Amounts, shares and factors are decimal strings so that no value passes through a binary float (§6.7 rule 1).',
    });
}

/** The compiled policy: what the engine reads, and (decimals as strings) what GET /v1/policies/:id returns. */
function compiledSchema<D extends DecimalSchema>(dec: D) {
  const params = parameters(dec);
  return z.object({
    ...identity(),
    hash: z.string().meta({ description: '政策文件规范化 JSON 的 sha256 / sha256 (hex) of the policy file\'s canonical JSON, sorted keys (§6.9).' }),
    isDefault: z.boolean().meta({ description: '是否为默认政策 / The fallback profile when no other applies (§6 intro).' }),
    appliesTo: z
      .object({
        regions: z.array(z.string()).meta({ description: '适用的财政区划代码;空数组 = 全国 / 财政区划 codes; "140000" covers every code starting "14". Empty = everywhere (§3).' }),
        yearFrom: year('起始年度(含) / First fiscal year covered, null = no lower bound (§6.9).'),
        yearTo: year('截止年度(含) / Last fiscal year covered, null = still in force (§6.9).'),
      })
      .meta({ description: '适用范围 / Where and when the policy applies (§3).' }),
    ...params,
    qualitative: params.qualitative.extend({
      gradedActuals: z.record(z.string(), TierSchema).meta({ description: '以 优良中低差 填写的实际完成值 → 档次(无来源) / Graded actuals → tier (no source; §6.2 rule 4).' }),
    }),
    levelPoints: z
      .array(
        z.object({
          keys: z.array(z.string()).min(1).meta({ description: '一级指标键;多于一个时分值为合计 / Canonical 一级 keys; with several, points are their sum (§3.2 rule 45).' }),
          points: dec.meta({ description: '默认分值 / Default points (§1.2 rule 3).' }),
        }),
      )
      .meta({ description: '一级指标默认分值,按文件中的顺序 / Default points per 一级 key or joined group, in file order (§6.9 l1_default_weights).' }),
    grades: z
      .array(gradeBand(dec))
      .meta({ description: '评价等级档次,自高至低;文件为 null 时为全国档次 / Grade bands, highest first; the national bands when the file says null (§1.6 rule 20, §6.8).' }),
    gradeRequired: z.boolean().meta({ description: `${GRADE_REQUIRED}.` }),
    sources: sources(),
  });
}

/** Parses and validates a policy file; decimals become `Dec`. */
export const PolicyFileSchema = fileSchema(DecimalToDec);
/** A policy file as written in scoring/ (decimals as strings). */
export type PolicyFile = z.input<typeof PolicyFileSchema>;
/** A policy file after parsing (decimals as `Dec`), before the cross-field checks of check.ts. */
export type PolicyFileParsed = z.output<typeof PolicyFileSchema>;
/** A decimal number written as a string ("1.2"). */
export type DecimalString = z.input<typeof DecimalString>;

/** The compiled policy as the engine reads it (decimals as `Dec`): types.ts names it `Policy`. */
export type CompiledPolicy = z.output<ReturnType<typeof compiledSchema<typeof DecimalToDec>>>;
/** The compiled policy as JSON (decimals as strings): the body of GET /v1/policies/:id. */
export const PolicyWireSchema = compiledSchema(DecimalString);

/** scoring/policy.schema.json, generated from `PolicyFileSchema` (JSON Schema draft 2020-12). */
export function policyJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(fileSchema(DecimalString), { target: 'draft-2020-12', io: 'input' });
  return { $schema, $id: 'https://jixiao.local/scoring/policy.schema.json', title, description, ...rest };
}

/** The text of scoring/policy.schema.json (2-space indent, final newline). */
export function policyJsonSchemaText(): string {
  return JSON.stringify(policyJsonSchema(), null, 2) + '\n';
}
