/**
 * indicators/import-words.json: what the columns of the funds and indicator blocks hold by their
 * header words, and the furniture around a 自评表 (notes, the signature footer, decorative columns
 * such as 序号, money-unit statements); its shape declared once with zod, read once per process.
 * The matching itself is in words.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const words = z.array(z.string().min(1));
const Match = z.object({ exact: words.optional(), prefix: words.optional() });
/** Words a (normalised) cell text contains, or whole texts it is. */
const Words = z.object({ contains: words.optional(), exact: words.optional() });

export const FUND_FIELDS = [
  'declared', 'initial', 'adjustment', 'budget', 'executed', 'balance', 'rate', 'points', 'score', 'reason',
  'reportedBalance', 'reportedRate', 'reportedScore', 'foundTypeCode', 'isTotal',
] as const;
export const INDICATOR_FIELDS = [
  'level1', 'level2', 'name', 'initialTarget', 'target', 'operator', 'unit', 'actual', 'points', 'score', 'reportedScore',
  'deviationNote', 'evalStd', 'manualScore', 'deduction', 'deductionReason', 'level1Code', 'level2Code', 'code', 'id', 'isDefaultCostRow',
] as const;

/** One header rule: every 'all' word in the header, and one of 'any' (when given), or the header one of 'exact'. */
const rule = <T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .object({ field: z.enum(fields).nullable(), all: words.optional(), any: words.optional(), exact: words.optional() })
    .refine((r) => r.all !== undefined || r.any !== undefined || r.exact !== undefined, { message: 'a rule needs all, any or exact' });

export const ImportWordsSchema = z.object({
  $comment: z.string().optional(),
  fundColumns: z.array(rule(FUND_FIELDS)),
  indicatorColumns: z.array(rule(INDICATOR_FIELDS)),
  blocks: z.object({
    title: Words,
    fundHeader: Words,
    fundLabel: Words,
    fundSubHeader: Words,
    goalHeaderCompletion: Words,
    goalHeaderTarget: Words,
    indicatorName: Words,
    indicatorPoints: Words,
    indicatorLevel: Words,
  }),
  notes: Match,
  footer: Match,
  generated: Match,
  decorativeColumns: Match,
  moneyUnit: z.object({ statements: words }),
});
export type ImportWords = z.infer<typeof ImportWordsSchema>;
export type FundField = (typeof FUND_FIELDS)[number];
export type BlockWords = z.infer<typeof Words>;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

const FILE = fileURLToPath(new URL('../../../indicators/import-words.json', import.meta.url));
let cached: ImportWords | undefined;

export function loadImportWords(): ImportWords {
  cached ??= ImportWordsSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return cached;
}
