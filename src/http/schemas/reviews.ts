/** Schemas of the review routes (复核 / 抽评, src/http/routes/reviews.ts). The review body itself is src/review/schema.ts. */
import { z } from 'zod';
import { ReviewInputSchema, ReviewResultSchema } from '../../review/schema.js';
import { documentedOnly, PageQueryFields } from './common.js';
import { BinarySchema, XLSX_MEDIA_TYPE } from './excel.js';

/** Validated by the review service (every problem at once, with its pointer, 422 INVALID_REVIEW), not by fastify. */
export const ReviewBodySchema = documentedOnly(ReviewInputSchema);

const UUID = z.string().max(64);
const INT = z.string().regex(/^\d{1,9}$/).transform(Number);

export const SubmissionVersionParams = z.object({ id: UUID.meta({ description: '自评表 id' }), n: INT.meta({ description: '自评表版本号' }) });
export const ReviewParams = z.object({ rid: UUID.meta({ description: '复核 id' }) });
export const ReviewVersionParams = z.object({ rid: UUID.meta({ description: '复核 id' }), v: INT.meta({ description: '复核版本号' }) });

export const RulesQuery = z.object({
  rules: z.enum(['practice', 'off']).optional().meta({ description: '复核口径规则包：practice 启用、off 不启用；省略时按 REVIEW_RULES（默认 off）。实务做法，非政策规定' }),
});

const CODE = z.string().trim().regex(/^[0-9A-Za-z]{1,21}$/, 'a code such as 209100');

export const ReviewListQuery = z.object({
  submission: UUID.optional().meta({ description: '自评表 id' }),
  submissionVersion: INT.optional().meta({ description: '自评表版本号（与 submission 同用）' }),
  year: z.string().regex(/^\d{4}$/).transform(Number).optional().meta({ description: '年度' }),
  department: CODE.optional().meta({ description: '主管部门代码 dept_code' }),
  unit: CODE.optional().meta({ description: '单位代码 agency_code' }),
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional().meta({ description: '财政区划代码 mof_div_code' }),
  level: z.enum(['department', 'bureau']).optional().meta({ description: '复核层级：department 部门、bureau 财政' }),
  grade: z.enum(['1', '2', '3', '4', '优', '良', '中', '差']).optional().meta({ description: '抽评等级：1 优、2 良、3 中、4 差' }),
  finding: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/).optional().meta({ description: '复核问题代码，如 REVIEW_GRADE_MISMATCH' }),
  ...PageQueryFields,
});

export const ExportVersionQuery = z.object({
  version: INT.optional().meta({ description: '复核版本号；省略为当前版本' }),
});

const VersionSummarySchema = z.object({
  version: z.number().int(),
  gradeCode: z.string(),
  rules: z.string().nullable(),
  policy: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  selfTotal: z.string(),
  reviewerTotal: z.string(),
  computedTotal: z.string(),
  computedGradeCode: z.string().nullable(),
  inputHash: z.string(),
  createdAt: z.string(),
  keyId: z.string().nullable(),
  keyName: z.string().nullable(),
});

export const ReviewHeadSchema = z
  .object({
    id: z.string(),
    submissionId: z.string(),
    submissionVersion: z.number().int(),
    office: z.string(),
    level: z.enum(['department', 'bureau']),
    currentVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submission: z.object({
      mofDivCode: z.string(),
      fiscalYear: z.number().int(),
      deptCode: z.string(),
      agencyCode: z.string(),
      proCode: z.string().nullable(),
      proName: z.string(),
    }),
    current: VersionSummarySchema,
  })
  .meta({ id: 'ReviewHead', description: '一份复核（某机构对某自评表版本的复核）及其当前版本摘要' });

export const ReviewCreatedSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    created: z.boolean().meta({ description: 'true：该机构首次复核此版本；false：已有复核的新版本' }),
    links: z.object({ self: z.string(), version: z.string(), export: z.string() }),
    review: ReviewResultSchema,
  })
  .meta({ id: 'ReviewCreated' });

export const ReviewPageSchema = z
  .object({ items: z.array(ReviewHeadSchema), next: z.string().nullable().meta({ description: '下一页的游标；最后一页为 null' }) })
  .meta({ id: 'ReviewPage' });

export const ReviewOneSchema = ReviewHeadSchema.extend({
  review: ReviewResultSchema,
  versions: z.array(VersionSummarySchema),
}).meta({ id: 'ReviewOne', description: '一份复核：当前版本的对照与全部版本' });

export const ReviewVersionSchema = VersionSummarySchema.extend({
  id: z.string(),
  input: z.unknown().meta({ description: '复核意见原文（ReviewInput）' }),
  result: ReviewResultSchema,
}).meta({ id: 'ReviewVersion' });

export const REVIEW_EXPORT_ANSWER = {
  description: '自评表工作簿，指标行右侧加列：复核完成值、复核得分、计算得分、理由；表尾为复核合计、抽评等级与复核结论',
  content: { [XLSX_MEDIA_TYPE]: { schema: BinarySchema } },
};
