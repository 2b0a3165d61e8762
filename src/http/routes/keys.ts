/**
 * API keys over HTTP (bureau): GET /v1/keys, POST /v1/keys (the key is in the answer once and
 * never again), DELETE /v1/keys/:id (revoke). Every change is in the audit log.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, checkKeySpec, createKey, type KeySpecError } from '../../auth/keys.js';
import { CURSORS } from '../../store/repository.js';
import { ROLES, type Role } from '../../store/types.js';
import { authGroup, withStore } from '../auth.js';
import { langOf, problem } from '../problem.js';
import { PAGE_LIMIT_DEFAULT, PageQuerySchema, problems } from '../schemas/common.js';
import { ApiKeyPageSchema, NewApiKeyAnswerSchema } from '../schemas/store.js';

const KeyBody = z
  .object({
    name: z.string().min(1).max(200),
    role: z.enum(ROLES as [string, ...string[]]),
    unit: z.string().max(21).optional(),
    dept: z.string().max(21).optional(),
    region: z.string().max(9).optional(),
  })
  .strict()
  .meta({ id: 'NewApiKey' });

export const keyRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);

  app.get(
    '/keys',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['admin'],
        summary: 'API 密钥列表（不含密钥本身），按创建时间排序，分页',
        querystring: PageQuerySchema,
        response: { 200: ApiKeyPageSchema, ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        const after = q.cursor === undefined ? null : CURSORS.keys.decode(q.cursor);
        if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
        // A bureau key bound to a region lists, makes and revokes that region's keys only.
        return store.keysPage(after, q.limit ?? PAGE_LIMIT_DEFAULT, req.principal!.mofDivCode);
      }),
  );

  app.post(
    '/keys',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['admin'],
        summary: '创建 API 密钥（只显示一次）',
        body: KeyBody,
        response: { 201: NewApiKeyAnswerSchema, ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const b = req.body;
        const spec = { name: b.name, role: b.role as Role, unit: b.unit, dept: b.dept, region: b.region };
        try {
          checkKeySpec(spec);
        } catch (err) {
          // "english / 中文": each KeySpecError message carries both.
          const [en, zh] = (err as KeySpecError).message.split(' / ');
          return problem(reply, 'BAD_REQUEST', { detail: langOf(req) === 'en' ? en : zh });
        }
        const own = req.principal!.mofDivCode;
        if (own !== null && (spec.region?.trim() || null) !== own) return problem(reply, 'FORBIDDEN');
        const { key, record } = await createKey(store, spec, actorOf(req.principal!));
        return reply.code(201).send({ key, ...record });
      }),
  );

  app.delete(
    '/keys/:id',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['admin'],
        summary: '吊销 API 密钥',
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null().meta({ description: '已吊销' }), ...problems(401, 403, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const r = await store.revokeKey(req.params.id, actorOf(req.principal!), req.principal!.mofDivCode);
        if (r === 'missing') return problem(reply, 'NOT_FOUND', { what: `key ${req.params.id}` });
        return reply.code(204).send(null);
      }),
  );
};
