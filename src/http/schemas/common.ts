/**
 * Schemas shared by the route plugins: the problem body, and the registry of request-body
 * schemas that are for documentation only (the core validates those bodies itself, so that
 * every problem comes back at once with its JSON pointer and a Chinese message).
 */
import { z } from 'zod';
import { CODES, type Code } from '../../core/codes.js';

const DOC_ONLY = new WeakSet<object>();

/** Mark a body schema as documentation only: fastify passes the parsed JSON through untouched. */
export function documentedOnly<T extends object>(schema: T): T {
  DOC_ONLY.add(schema);
  return schema;
}

export function isDocumentedOnly(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && DOC_ONLY.has(schema);
}

const CodeEnum = z.enum(Object.keys(CODES) as [Code, ...Code[]]);

export const ProblemErrorSchema = z
  .object({
    code: CodeEnum,
    pointer: z.string().meta({ description: 'RFC 6901 JSON pointer into the request body ("" = the whole body)' }),
    message: z.string(),
  })
  .meta({ id: 'ProblemError', description: '一个问题：代码、位置（JSON 指针）与说明' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'urn:jixiao:problem:<code>' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: CodeEnum,
    errors: z.array(ProblemErrorSchema).optional(),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 application/problem+json；默认中文，Accept-Language: en 时为英文',
  });

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: '请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor）',
  404: '未找到',
  413: '请求体或单行过大',
  415: '不支持的内容类型',
  422: '表单无效：errors 列出每个问题及其 JSON 指针',
  500: '服务器内部错误',
  503: '服务暂不可用',
};

export interface ProblemResponse {
  description: string;
  content: { 'application/problem+json': { schema: typeof ProblemSchema } };
}

/** The error responses a route may give, for the OpenAPI document. */
export function problems(...statuses: number[]): Record<number, ProblemResponse> {
  const out: Record<number, ProblemResponse> = {};
  for (const s of statuses) {
    out[s] = { description: PROBLEM_DESCRIPTIONS[s] ?? 'problem', content: { 'application/problem+json': { schema: ProblemSchema } } };
  }
  return out;
}

export const PolicyQuerySchema = z.object({
  policy: z
    .string()
    .max(64)
    .optional()
    .meta({ description: '评分政策 id（GET /v1/policies）；省略时按表单的财政区划与年度选择适用的政策' }),
});
