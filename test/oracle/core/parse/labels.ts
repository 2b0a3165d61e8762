/**
 * The row and section labels of indicators/labels.json: their shape (zod, declared once; the
 * loader in src/data/vocabulary.ts checks the file with it) and their compiled matchers. Pure.
 */
import { z } from 'zod';
import { labelKey } from './normalize.js';

const words = z.array(z.string().min(1));
const MatchSchema = z.object({ exact: words.optional(), prefix: words.optional(), contains: words.optional() });

export const ANALYSIS_KEYS = ['implementation', 'outputs', 'benefits', 'satisfaction', 'experience', 'problems', 'improvements'] as const;
export type AnalysisKey = (typeof ANALYSIS_KEYS)[number];

export const LabelsSchema = z.object({
  $comment: z.string().optional(),
  /** Fund rows that are the block's total (资金总额, 合计 …). */
  fundTotal: MatchSchema,
  /** Fund rows that sum some sources (小计): neither the total nor a source. */
  fundSubtotal: MatchSchema,
  /** A fund row with a label and no amounts still belongs to the block when its label says this. */
  fundRow: MatchSchema,
  /** The goals block's own labels: the funds block ends there. */
  goalSection: MatchSchema,
  /** The label of the 总分 row. */
  scoreTotal: MatchSchema,
  /** 合计 / 小计 rows inside the indicator block. */
  indicatorSubtotal: MatchSchema,
  /** Block labels that are neither a field label nor a value (项目绩效分析, 自评结果分析 …). */
  sections: MatchSchema,
  /** The notes under the table (备注 …): template text, not the filer's. */
  remark: MatchSchema,
  /** Rows jixiao's export writes about its own computation (总分说明): passed over on import. */
  generated: MatchSchema,
  /** A yes / no cell of a flag column (是否总额行, 默认成本指标). */
  flagYes: MatchSchema,
  flagNo: MatchSchema,
  /** Labels of the 项目绩效分析 block, first match wins. */
  analysis: z.array(MatchSchema.extend({ key: z.enum(ANALYSIS_KEYS) })),
});
export type RawLabels = z.input<typeof LabelsSchema>;

export type Matcher = (text: string) => boolean;

export interface Labels {
  readonly fundTotal: Matcher;
  readonly fundSubtotal: Matcher;
  readonly fundRow: Matcher;
  readonly goalSection: Matcher;
  readonly scoreTotal: Matcher;
  readonly indicatorSubtotal: Matcher;
  readonly sections: Matcher;
  readonly remark: Matcher;
  readonly generated: Matcher;
  readonly flagYes: Matcher;
  readonly flagNo: Matcher;
  /** The analysis key a label names, or null. */
  readonly analysis: (text: string) => AnalysisKey | null;
}

const POINTS_SUFFIX = /\(\d+(\.\d+)?分?\)$/;

/** The key a label is matched on: labelKey, and a trailing "(100分)" removed. */
export function labelText(s: string): string {
  return labelKey(s).replace(POINTS_SUFFIX, '');
}

function matcher(m: z.infer<typeof MatchSchema>): Matcher {
  const exact = new Set((m.exact ?? []).map(labelText));
  const prefix = (m.prefix ?? []).map(labelKey);
  const contains = (m.contains ?? []).map(labelKey);
  return (text) => {
    const t = labelText(text);
    if (t === '') return false;
    return exact.has(t) || prefix.some((p) => t.startsWith(p)) || contains.some((c) => t.includes(c));
  };
}

export function compileLabels(raw: RawLabels): Labels {
  const r = LabelsSchema.parse(raw);
  const analysis = r.analysis.map((a) => ({ key: a.key, test: matcher(a) }));
  return {
    fundTotal: matcher(r.fundTotal),
    fundSubtotal: matcher(r.fundSubtotal),
    fundRow: matcher(r.fundRow),
    goalSection: matcher(r.goalSection),
    scoreTotal: matcher(r.scoreTotal),
    indicatorSubtotal: matcher(r.indicatorSubtotal),
    sections: matcher(r.sections),
    remark: matcher(r.remark),
    generated: matcher(r.generated),
    flagYes: matcher(r.flagYes),
    flagNo: matcher(r.flagNo),
    analysis: (text) => analysis.find((a) => a.test(text))?.key ?? null,
  };
}
