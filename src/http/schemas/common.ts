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
  400: '请求无效（JSON 语法错误、嵌套超过32层、空请求体、参数错误、禁止的键 __proto__ / constructor、分页游标无效）',
  401: '缺少或无效的 API 密钥',
  403: '当前角色无权执行此操作',
  404: '未找到',
  406: '无法提供所请求的格式',
  409: '冲突（如 Idempotency-Key 已用于另一个请求）',
  429: '请求过多（Retry-After）',
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

/** A request body with several content types (a route's `body` schema documents one). */
export interface RequestBodyDecl {
  description: string;
  content: Record<string, z.ZodType>;
}

const REQUEST_BODIES = new Map<string, RequestBodyDecl>();

/**
 * Declares the request body of an operation that takes several content types (an upload as
 * multipart or raw bytes, NDJSON or JSON …): app.ts writes it into the OpenAPI document.
 * Call it where the route's schemas are declared: `declareRequestBody('post', '/v1/import', {…})`.
 */
export function declareRequestBody(method: string, path: string, decl: RequestBodyDecl): void {
  REQUEST_BODIES.set(`${method.toLowerCase()} ${path}`, decl);
}

/**
 * The declared bodies as OpenAPI requestBody objects, by "method path". A schema with an id
 * (`.meta({ id })`) becomes a $ref to the document's component of that name — its input variant
 * "<id>Input" when the document has one — and is added to `components` when it is not there yet.
 */
export function declaredRequestBodies(components: Record<string, unknown>): { method: string; path: string; requestBody: { description: string; required: true; content: Record<string, { schema: unknown }> } }[] {
  const ref = (id: string) => (components[`${id}Input`] !== undefined ? `${id}Input` : id);
  const relink = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(relink);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = k === '$ref' && typeof x === 'string' && x.startsWith(DEFS) ? COMPONENTS + ref(x.slice(DEFS.length)) : relink(x);
    }
    return out;
  };
  return [...REQUEST_BODIES].map(([key, decl]) => {
    const [method, path] = key.split(' ');
    const content: Record<string, { schema: unknown }> = {};
    for (const [type, schema] of Object.entries(decl.content)) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      const { $schema: _s, $defs, ...body } = json as { $schema?: string; $defs?: Record<string, unknown> };
      for (const [id, def] of Object.entries($defs ?? {})) if (components[ref(id)] === undefined) components[id] = relink(def);
      content[type] = { schema: relink(body) };
    }
    return { method, path, requestBody: { description: decl.description, required: true, content } };
  });
}

const COMPONENTS = '#/components/schemas/';
const DEFS = '#/$defs/';

export const PolicyQuerySchema = z.object({
  policy: z
    .string()
    .max(64)
    .optional()
    .meta({ description: '评分政策 id（GET /v1/policies）；省略时按表单的财政区划与年度选择适用的政策' }),
});

// ---- paging: every list route takes {limit, cursor} and answers {items, next} ------------------

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 500;

/**
 * The query fields of a paged list; spread into a route's query schema
 * (`z.object({ ...PageQueryFields, status: … })`). The cursor is checked by the route's codec
 * (src/store/cursor.ts): a cursor that is not one of this list's answers 400 BAD_CURSOR.
 */
export const PageQueryFields = {
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'an integer 1–500')
    .transform(Number)
    .pipe(z.number().int().min(1).max(PAGE_LIMIT_MAX))
    .optional()
    // Documented as the integer it is (a typed client passes a number), not as the digits it arrives as.
    .meta({ description: `每页条数，1–${PAGE_LIMIT_MAX}，默认${PAGE_LIMIT_DEFAULT}`, type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, pattern: undefined }),
  cursor: z
    .string()
    .max(512)
    .optional()
    .meta({ description: '上一页应答中的 next（不透明游标，原样传回）；省略为第一页' }),
};

export const PageQuerySchema = z.object(PageQueryFields);

/** The fields of a page: `{items, next}`; `next` is null on the last page. */
export function pageSchema<T extends z.ZodType, X extends z.ZodRawShape = {}>(item: T, id: string, description: string, extra?: X) {
  return z
    .object({
      items: z.array(item),
      next: z.string().nullable().meta({ description: '下一页的游标（作为 cursor 传回）；最后一页为 null' }),
      ...(extra ?? ({} as X)),
    })
    .meta({ id, description });
}
