/**
 * Answers of the store's routes (submissions, versions, re-scoring, statistics, audit, keys),
 * declared once here for the OpenAPI document and the handlers' types. They follow the store's
 * types (src/store/types.ts) and the statistics (src/stats/); amounts and scores are decimal strings.
 */
import { z } from 'zod';
import { FindingSchema, PolicyRefSchema, ScoreResultSchema } from '../../core/model/result.js';
import { ROLES, type Role } from '../../store/types.js';
import { pageSchema } from './common.js';

const DECIMAL = z.string().meta({ description: '十进制数字符串' });
const TIME = z.string().meta({ description: 'ISO 8601 时间（UTC）' });

export const SnapshotSummarySchema = z
  .object({
    snapshotId: z.number().int(),
    version: z.number().int().meta({ description: '所评的版本号' }),
    reason: z.enum(['submit', 'rescore']),
    rescoreId: z.string().nullable(),
    policy: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
    status: z.string().meta({ description: 'scored / needs-review' }),
    total: DECIMAL,
    grade: z.string().nullable(),
    gradeCode: z.string().nullable(),
    reportedTotal: DECIMAL.nullable(),
    reportedGrade: z.string().nullable(),
    pointsTotal: DECIMAL,
    budgetWan: DECIMAL.meta({ description: '全年预算数合计（万元）' }),
    createdAt: TIME,
  })
  .meta({ id: 'SnapshotSummary', description: '一次评分的快照（不可变）' });

export const SubmissionHeadSchema = z
  .object({
    id: z.string().meta({ description: '自评表 id（UUID）' }),
    mofDivCode: z.string(),
    fiscalYear: z.number().int(),
    proCode: z.string().nullable(),
    deptCode: z.string(),
    agencyCode: z.string(),
    proName: z.string(),
    agencyName: z.string().nullable(),
    deptName: z.string().nullable(),
    currentVersion: z.number().int(),
    createdAt: TIME,
    updatedAt: TIME,
    score: SnapshotSummarySchema.nullable().meta({ description: '当前评分' }),
  })
  .meta({ id: 'SubmissionHead', description: '自评表摘要' });

export const VersionSummarySchema = z
  .object({
    version: z.number().int(),
    evalId: z.string().nullable().meta({ description: '表单 id（eval_id）' }),
    inputHash: z.string().meta({ description: '表单原文（去掉未知字段、键排序后）的 SHA-256' }),
    createdAt: TIME,
    keyId: z.string().nullable(),
  })
  .meta({ id: 'VersionSummary', description: '一个版本的摘要' });

const FormEcho = z.unknown().meta({ description: '提交的表单原文（去掉未知字段）' });

export const SubmissionSchema = SubmissionHeadSchema.extend({
  form: FormEcho,
  versions: z.array(VersionSummarySchema),
}).meta({ id: 'Submission', description: '一张自评表：当前版本的表单、评分与全部版本' });

export const SnapshotSchema = SnapshotSummarySchema.extend({ result: ScoreResultSchema }).meta({ id: 'Snapshot' });

export const VersionSchema = VersionSummarySchema.extend({
  id: z.string(),
  input: FormEcho,
  snapshots: z.array(SnapshotSchema),
}).meta({ id: 'Version', description: '一个版本：提交的表单原文与其全部评分快照' });

export const SubmitAnswerSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    created: z.boolean().meta({ description: '是否新建了自评表（否则为已有自评表的新版本）' }),
    duplicate: z.boolean().meta({ description: '同一 eval_id 且内容相同：未生成新版本' }),
    links: z.object({ self: z.string(), version: z.string() }),
    score: z.object({ total: DECIMAL, grade: z.string().nullable(), gradeCode: z.string().nullable(), status: z.string(), policy: PolicyRefSchema }),
    result: ScoreResultSchema,
  })
  .meta({ id: 'SubmitAnswer', description: 'POST /v1/submissions 的应答' });

/** `nextCursor`: the same cursor as `next`, under its name before issue 12 (deprecated). */
const legacyCursor = { nextCursor: z.string().nullable().meta({ description: '同 next（已弃用）', deprecated: true }) };

export const SubmissionPageSchema = pageSchema(SubmissionHeadSchema, 'SubmissionPage', '自评表列表的一页（新的在前）', legacyCursor);
export const VersionPageSchema = pageSchema(VersionSummarySchema, 'VersionPage', '版本列表的一页（旧的在前）');

// ---- re-scoring ------------------------------------------------------------------------------

const GradeAt = z.object({ total: DECIMAL, grade: z.string().nullable(), policy: z.object({ id: z.string(), version: z.string() }) });

export const RescoreAnswerSchema = z
  .object({
    rescoreId: z.string().nullable().meta({ description: '没有可重新评分的自评表时为 null' }),
    policy: z.string().nullable(),
    year: z.number().int(),
    rescored: z.number().int(),
    changed: z.number().int().meta({ description: '等级变化的自评表数' }),
    totalChanged: z.number().int().meta({ description: '总分变化的自评表数' }),
    changes: z.array(
      z.object({
        id: z.string(),
        proCode: z.string().nullable(),
        proName: z.string(),
        agencyCode: z.string(),
        deptCode: z.string(),
        version: z.number().int(),
        from: GradeAt.nullable(),
        to: GradeAt,
      }),
    ),
    failed: z.array(z.object({ id: z.string(), problems: z.array(FindingSchema) })),
  })
  .meta({ id: 'RescoreAnswer', description: '重新评分的结果：等级变化的自评表与无法评分的自评表' });

// ---- statistics --------------------------------------------------------------------------------

const Counts = z.record(z.string(), z.number().int());
const Spread = z.object({ mean: DECIMAL.nullable(), stddev: DECIMAL.nullable(), min: DECIMAL.nullable(), max: DECIMAL.nullable() });
const AnomalyKind = z.enum(['total_mismatch', 'grade_mismatch', 'grade_changed_by_rescore', 'points_not_100']);
const AnomalyCounts = z.record(AnomalyKind, z.number().int());
const group = {
  count: z.number().int(),
  grades: Counts.meta({ description: '按等级计数（优 良 中 差 未定级）' }),
  funds: DECIMAL.meta({ description: '全年预算数合计（万元，两位小数）' }),
  score: Spread,
};
const Anomaly = z.object({
  id: z.string(),
  proCode: z.string().nullable(),
  proName: z.string(),
  agencyCode: z.string(),
  kinds: z.array(AnomalyKind),
  total: DECIMAL,
  grade: z.string().nullable(),
  reportedTotal: DECIMAL.nullable(),
  reportedGrade: z.string().nullable(),
  firstGrade: z.string().nullable(),
  pointsTotal: DECIMAL,
});

export const StatsSchema = z
  .object({
    year: z.number().int().nullable(),
    filter: z.object({ department: z.string().nullable(), unit: z.string().nullable(), region: z.string().nullable() }),
    ...group,
    moneyUnit: z.literal('万元'),
    topFindings: z.array(z.object({ code: z.string(), projects: z.number().int(), occurrences: z.number().int() })),
    anomalyCounts: AnomalyCounts,
    departments: z.array(
      z.object({ ...group, deptCode: z.string(), deptName: z.string().nullable(), anomalyCounts: AnomalyCounts, anomalies: z.array(Anomaly) }),
    ),
  })
  .meta({ id: 'Stats', description: '统计：等级分布、覆盖资金、得分均值与离散、常见问题、异常，按部门分组' });

export const DisclosureSchema = z
  .object({
    year: z.number().int(),
    unit: z.string(),
    unitName: z.string().nullable(),
    projects: z.number().int(),
    funds: DECIMAL,
    moneyUnit: z.literal('万元'),
    spending: DECIMAL.nullable(),
    share: DECIMAL.nullable().meta({ description: '占项目支出总额的百分比（两位小数）' }),
    grades: Counts,
    paragraph: z.string().meta({ description: '“预算绩效管理工作开展情况”段落' }),
  })
  .meta({ id: 'Disclosure', description: '决算公开段落及其数字' });

// ---- audit and keys ----------------------------------------------------------------------------

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: TIME,
    keyId: z.string().nullable(),
    keyName: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.unknown(),
  })
  .meta({ id: 'AuditEntry', description: '审计日志一行' });

export const AuditPageSchema = pageSchema(AuditEntrySchema, 'AuditPage', '审计日志的一页（新的在前）', legacyCursor);

export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES as [Role, ...Role[]]),
    agencyCode: z.string().nullable(),
    deptCode: z.string().nullable(),
    mofDivCode: z.string().nullable(),
    prefix: z.string().meta({ description: '密钥的前几个字符（用于辨认，不能用来认证）' }),
    createdAt: TIME,
    createdBy: z.string().nullable(),
    revokedAt: TIME.nullable(),
  })
  .meta({ id: 'ApiKey', description: 'API 密钥（不含密钥本身）' });

export const NewApiKeyAnswerSchema = ApiKeySchema.extend({
  key: z.string().meta({ description: '密钥本身：只在此应答中出现一次' }),
}).meta({ id: 'NewApiKeyAnswer' });

export const ApiKeyPageSchema = pageSchema(ApiKeySchema, 'ApiKeyPage', 'API 密钥列表的一页（按创建时间）');
