/**
 * The 计算符号 code list of the standard shape (indicators/standard.json), declared in zod. Pure:
 * load.ts reads the file; the converter takes the parsed list as an argument.
 */
import { z } from 'zod';

export const ComputeSignSchema = z.object({
  label: z.string().min(1),
  operator: z.enum(['GE', 'GT', 'EQ', 'LT', 'LE']).nullable(),
  /** What goes into the form's 指标性质 column; null for the codes that are not scored. */
  column: z.string().min(1).nullable(),
  scorable: z.boolean(),
});

export const StandardCodesSchema = z.object({
  $comment: z.string().optional(),
  computesign: z.record(z.string().regex(/^\d{1,2}$/), ComputeSignSchema),
  moneyUnit: z.enum(['元', '万元']),
});

export type ComputeSign = z.infer<typeof ComputeSignSchema>;
export type StandardCodes = z.infer<typeof StandardCodesSchema>;
