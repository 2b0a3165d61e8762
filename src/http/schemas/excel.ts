/**
 * Schemas of the Excel routes (src/http/routes/excel.ts): the upload of POST /v1/import (a
 * multipart form or the raw workbook), the JSON bodies of /v1/export and /v1/narrative (one form,
 * an array, or {forms: […]}) and their answers. The JSON bodies are for documentation only: the
 * core validates each form and answers every problem with its pointer.
 */
import { z } from 'zod';
import { FindingSchema, ScoreResultSchema } from '../../core/model/result.js';
import { AnyFormSchema } from '../../core/department/form.js';
import { declareRequestBody, documentedOnly } from './common.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bytes of a file, in a multipart part or as the whole body. */
export const BinarySchema = z.string().meta({ format: 'binary', description: '文件内容（二进制）' });

export const ImportUploadSchema = z
  .object({ file: BinarySchema.meta({ description: '自评表工作簿（.xlsx，最大 20 MB）' }) })
  .meta({ description: 'multipart/form-data：字段 file 为工作簿' });

/** The request body of POST /v1/import, by content type. */
declareRequestBody('post', '/v1/import', {
  description: '自评表工作簿：multipart/form-data（字段 file），或原始 xlsx 请求体',
  content: {
    'multipart/form-data': ImportUploadSchema,
    [XLSX_MEDIA_TYPE]: BinarySchema,
    'application/octet-stream': BinarySchema,
  },
});

export const ImportQuerySchema = z.looseObject({
  sheet: z.string().optional().meta({ description: '只读该工作表（名称）' }),
  mofDivCode: z.string().optional().meta({ description: '财政区划代码（工作簿中没有时）' }),
  score: z.string().optional().meta({ description: 'false / 0：只读出表单，不评分；默认评分' }),
});

export const ImportedFormSchema = z
  .object({
    sheet: z.string().meta({ description: '工作表名称' }),
    layout: z.enum(['shanxi', 'sichuan', 'central', 'jixiao', 'department']).meta({ description: '识别出的表样（department：部门整体支出绩效自评表）' }),
    form: AnyFormSchema.meta({ description: '读出的表单' }),
    cells: z.record(z.string(), z.string()).meta({ description: 'JSON 指针 → 单元格（如 "Sheet1!H14"）' }),
    findings: z.array(FindingSchema).meta({ description: '读入时的问题（带 cell）' }),
    result: ScoreResultSchema.optional().meta({ description: '评分结果（score 未关闭且表单有效时）' }),
    problems: z.array(FindingSchema).optional().meta({ description: '表单无效时的问题（带 cell）' }),
  })
  .meta({ id: 'ImportedForm', description: '从一张工作表读出的表单及其评分' });

export const ImportAnswerSchema = z
  .object({
    forms: z.array(ImportedFormSchema),
    findings: z.array(FindingSchema).meta({ description: '整个工作簿的问题（如跳过的工作表）' }),
  })
  .meta({ id: 'ImportAnswer', description: 'POST /v1/import 的应答' });

/** One form, an array of forms, or {forms: […]} (1–200 forms). */
export const FormsBodySchema = documentedOnly(
  z
    .union([AnyFormSchema, z.array(AnyFormSchema), z.object({ forms: z.array(AnyFormSchema) })])
    .meta({ description: '一张表单、表单数组或 {"forms": [...]}（1–200 张）' }),
);

export const ExportQuerySchema = z.looseObject({
  format: z.string().optional().meta({ description: 'xlsx（默认）或 html；其他值为 406' }),
});

export const EXPORT_ANSWER = {
  description: 'format=xlsx：官方版式工作簿（Content-Disposition: attachment）；format=html：可打印页面',
  content: {
    [XLSX_MEDIA_TYPE]: { schema: BinarySchema },
    'text/html': { schema: z.string().meta({ description: '可打印的 HTML 页面' }) },
  },
};

export const NarrativeItemSchema = z
  .object({
    id: z.string().nullable().meta({ description: '表单 id（eval_id）' }),
    proName: z.string(),
    total: z.string().meta({ description: '计算总分' }),
    grade: z.string().nullable(),
    text: z.string().meta({ description: '项目绩效自评综述' }),
  })
  .meta({ id: 'Narrative', description: '一张表单的自评综述' });

export const NarrativeAnswerSchema = z
  .union([NarrativeItemSchema, z.object({ items: z.array(NarrativeItemSchema) })])
  .meta({ description: '请求体为一张表单时为 Narrative；为数组或 {forms} 时为 {items: Narrative[]}' });
