/**
 * The department block of a ScoreResult (`kind: "department"`): the category list used, the
 * 资金来源 / 资金方向 tables and their reconciliation with the categories, and each goal's
 * subtotal (with 权重比例 when the mode is on). Declared once in zod; src/core/model/result.ts
 * adds it to ScoreResultSchema as the optional `department` field.
 */
import { z } from 'zod';

const DecStr = z.string().meta({ description: '十进制数字符串' });

const TableRowSchema = z.object({
  index: z.number().int(),
  pointer: z.string(),
  name: z.string(),
  isTotal: z.boolean(),
  budget: DecStr.nullable(),
  executed: DecStr.nullable(),
});

export const MoneyTableSchema = z
  .object({
    budget: DecStr.meta({ description: '全年预算数合计（有合计行时取合计行）' }),
    executed: DecStr.meta({ description: '全年执行数合计' }),
    basis: z.enum(['total_row', 'sum_of_rows']),
    rows: z.array(TableRowSchema),
  })
  .meta({ id: 'DepartmentMoneyTable', description: '资金来源表或资金方向表' });

export const ReconciliationSchema = z
  .object({
    table: z.enum(['sources', 'directions']),
    field: z.enum(['budget', 'executed']),
    pointer: z.string().meta({ description: '不一致时问题所指的单元格（合计行的该列，无合计行时为该表）' }),
    sum: DecStr,
    expected: DecStr.meta({ description: '资金类别合计（执行率所用的数）' }),
    equal: z.boolean(),
  })
  .meta({ id: 'DepartmentReconciliation', description: '资金来源 / 资金方向与资金类别合计的核对（规则 42）' });

export const GoalResultSchema = z
  .object({
    index: z.number().int(),
    pointer: z.string(),
    type: z.enum(['年度目标', '重点工作任务']),
    name: z.string(),
    target: z.string().nullable(),
    completion: z.string().nullable(),
    ratio: DecStr.nullable().meta({ description: '权重比例（%），未启用时为 null' }),
    points: DecStr.meta({ description: '该目标下各指标分值合计' }),
    rawScore: DecStr.meta({ description: '该目标下各指标得分合计' }),
    score: DecStr.meta({ description: '目标得分：权重比例模式下 = rawScore × ratio ÷ 100（按政策舍入），否则 = rawScore' }),
    indicators: z.array(z.number().int()).meta({ description: '该目标的指标在 indicators 中的下标' }),
    explanation: z.string(),
  })
  .meta({ id: 'DepartmentGoalResult', description: '一项年度目标 / 重点工作任务的小计' });

export const DepartmentBlockSchema = z
  .object({
    unitName: z.string().meta({ description: '部门（单位）名称' }),
    categoryList: z.object({ id: z.string(), name: z.string() }).meta({ description: '所用资金类别清单（indicators/department.json）' }),
    categories: z
      .array(z.object({ index: z.number().int(), key: z.string().nullable(), name: z.string() }))
      .meta({ description: 'funds.rows 中各资金行对应的类别键；总额行与不在清单中的行为 null' }),
    sources: MoneyTableSchema.nullable(),
    directions: MoneyTableSchema.nullable(),
    reconciliation: z.array(ReconciliationSchema),
    ratioMode: z.boolean(),
    goals: z.array(GoalResultSchema),
    analysis: z.object({
      completion: z.string().nullable(),
      experience: z.array(z.string()),
      problems: z.array(z.string()),
      improvements: z.array(z.string()),
    }),
  })
  .meta({ id: 'DepartmentBlock', description: '部门（单位）整体支出的资金核对与目标小计' });

export type DepartmentBlock = z.infer<typeof DepartmentBlockSchema>;
export type GoalResult = z.infer<typeof GoalResultSchema>;
export type MoneyTable = z.infer<typeof MoneyTableSchema>;
export type Reconciliation = z.infer<typeof ReconciliationSchema>;
