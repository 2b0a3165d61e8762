/** GET /v1/audit (bureau): the audit log of every write, newest first, with cursor paging. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeCursor } from '../../store/repository.js';
import { authGroup, withStore } from '../auth.js';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import { json } from './submissions.js';

const AuditQuery = z.object({
  action: z.string().max(64).optional().meta({ description: 'submission.create, rescore, key.create, key.revoke, key.bootstrap' }),
  target: z.string().max(64).optional().meta({ description: '对象 id（自评表、密钥或重新评分的 id）' }),
  cursor: z.string().max(64).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .optional(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  app.get(
    '/audit',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['admin'],
        summary: '审计日志（财政）：谁、何时、用哪个密钥、做了什么',
        querystring: AuditQuery,
        response: { 200: json('{items: [{id, at, keyId, keyName, role, action, target, detail}], nextCursor}'), ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        const cursor = q.cursor === undefined ? null : decodeCursor(q.cursor);
        if (q.cursor !== undefined && cursor === null) return problem(reply, 'BAD_REQUEST', { detail: 'cursor' });
        return store.auditPage({ cursor, limit: q.limit ?? 50, action: q.action, target: q.target });
      }),
  );
};
