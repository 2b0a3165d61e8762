/**
 * GET /v1/audit (bureau): the audit log of every write, newest first, with cursor paging. A bureau
 * key bound to a region reads the writes of that region's keys only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CURSORS } from '../../store/repository.js';
import { authGroup, withStore } from '../auth.js';
import { problem } from '../problem.js';
import { PAGE_LIMIT_DEFAULT, PageQueryFields, problems } from '../schemas/common.js';
import { AuditPageSchema } from '../schemas/store.js';

const AuditQuery = z.object({
  action: z.string().max(64).optional().meta({ description: 'submission.create, rescore, key.create, key.revoke, key.bootstrap' }),
  target: z.string().max(64).optional().meta({ description: '对象 id（自评表、密钥或重新评分的 id）' }),
  ...PageQueryFields,
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
        response: { 200: AuditPageSchema, ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        const after = q.cursor === undefined ? null : CURSORS.audit.decode(q.cursor);
        if (q.cursor !== undefined && after === null) return problem(reply, 'BAD_CURSOR');
        const region = req.principal!.mofDivCode;
        const page = await store.auditPage({ cursor: after && after[0], limit: q.limit ?? PAGE_LIMIT_DEFAULT, action: q.action, target: q.target, region });
        // nextCursor: the same cursor under its name before issue 12 (deprecated).
        return { ...page, nextCursor: page.next };
      }),
  );
};
