/**
 * GET /v1/stats (bureau): counts by grade, funds covered, mean and spread of the totals, the most
 * frequent findings and the anomalies, grouped by department.
 * GET /v1/stats/disclosure?year=&unit=&spending= : the paragraph 预算绩效管理工作开展情况 of a
 * unit's 决算公开. The bureau asks for any unit, a department for its units, a unit for itself;
 * another tenant's unit, like a unit with no submission that year, is 404.
 * The whole document and the inflation table: stats-tools.ts (registered below).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../auth/keys.js';
import { disclosure } from '../../stats/disclosure.js';
import { computeStats } from '../../stats/stats.js';
import { authGroup, withStore } from '../auth.js';
import { problem } from '../problem.js';
import { problems } from '../schemas/common.js';
import { DisclosureSchema, StatsSchema } from '../schemas/store.js';
import { registerStatsTools } from './stats-tools.js';
import { projectRowsOnly } from '../../stats/service.js';

const CODE = z.string().trim().regex(/^[0-9A-Za-z]{1,21}$/);
const YEAR = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number);

/** A region no record has (a region-bound key asking for another region finds nothing). */
export const OTHER_REGION = '-';

const StatsQuery = z.object({
  year: YEAR.optional(),
  department: CODE.optional(),
  unit: CODE.optional(),
  region: z.string().regex(/^\d{6}(\d{3})?$/).optional(),
});

const DisclosureQuery = z.object({
  year: YEAR.meta({ description: '年度' }),
  unit: CODE.optional().meta({ description: '单位代码；单位密钥可省略（即本单位）' }),
  spending: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,6})?$/)
    .optional()
    .meta({ description: '本单位项目支出总额（万元）；给出时计算占比' }),
});

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  authGroup(app);
  app.get(
    '/stats',
    {
      config: { roles: ['bureau'] },
      schema: {
        tags: ['stats'],
        summary: '统计（财政）：等级分布、覆盖资金、得分均值与离散、常见问题、异常，按部门分组',
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...problems(400, 401, 403, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const q = req.query;
        // A bureau key bound to a region counts that region only (another region asked for: nothing).
        const own = req.principal!.mofDivCode;
        const region = own === null || q.region === undefined || q.region === own ? (own ?? q.region) : OTHER_REGION;
        const filter = { year: q.year, deptCode: q.department, agencyCode: q.unit, mofDivCode: region };
        // Project forms only: a 部门整体支出 form's money already holds its projects' (it would count twice).
        const rows = await projectRowsOnly(store, filter, await store.statRows(filter));
        return { year: q.year ?? null, filter: { department: q.department ?? null, unit: q.unit ?? null, region: q.region ?? null }, ...computeStats(rows) };
      }),
  );

  app.get(
    '/stats/disclosure',
    {
      config: { roles: ['unit', 'department', 'bureau'] },
      schema: {
        tags: ['stats'],
        summary: '决算公开“预算绩效管理工作开展情况”段落',
        querystring: DisclosureQuery,
        response: { 200: DisclosureSchema, ...problems(400, 401, 404, 503) },
      },
    },
    async (req, reply) =>
      withStore(app, reply, async (store) => {
        const p = req.principal!;
        const q = req.query;
        const unit = q.unit ?? (p.role === 'unit' ? p.agencyCode : undefined);
        if (!unit) return problem(reply, 'BAD_REQUEST', { detail: 'unit' });
        const scope = scopeOf(p);
        const notFound = () => problem(reply, 'NOT_FOUND', { what: `unit ${unit} ${q.year}` });
        if (scope.agencyCode !== undefined && scope.agencyCode !== unit) return notFound();
        const all = await store.statRows({ year: q.year, agencyCode: unit, deptCode: scope.deptCode, mofDivCode: scope.mofDivCode });
        // Projects only: a stored 部门整体支出 form is not one of the projects the paragraph counts.
        const rows = await projectRowsOnly(store, { year: q.year, agencyCode: unit, deptCode: scope.deptCode, mofDivCode: scope.mofDivCode }, all);
        if (all.length === 0) return notFound();
        return disclosure(rows, { year: q.year, unit, spending: q.spending ?? null });
      }),
  );

  // The whole 预算绩效情况说明 and the inflation table (src/stats/document.ts, inflation.ts).
  registerStatsTools(app);
};
