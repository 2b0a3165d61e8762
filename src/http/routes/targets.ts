/**
 * POST /v1/targets/check: lint 指标值 before the year starts (绩效目标申报). For each target,
 * its parse (operator, number, unit, qualitative or not) and the findings: empty, not
 * measurable (qualitative wording), no unit, no operator, unknown unit, several numbers,
 * an operator column that disagrees, a deadline.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { finding, type Finding, type Lang } from '../../core/codes.js';
import { describe } from '../../core/engine/describe.js';
import { parseTarget } from '../../core/parse/index.js';
import type { ParsedValue } from '../../core/parse/types.js';
import { langOf } from '../problem.js';
import { problems } from '../schemas/common.js';
import { TargetsBodySchema, TargetsResultSchema, type TargetCheckSchema } from '../schemas/targets.js';

type TargetCheck = z.output<typeof TargetCheckSchema>;

/** The lint findings of one parsed target; `pointer` points at the item in the request. */
export function lintTarget(p: ParsedValue, name: string, index: number, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const target = p.raw;
  const pointer = `/targets/${index}`;
  const label = name || (lang === 'en' ? `item ${index + 1}` : `第${index + 1}项`);
  switch (p.kind) {
    case 'empty':
      out.push(finding('TARGET_EMPTY', pointer, { name: label }, lang));
      break;
    case 'qualitative':
      if (p.isDate) out.push(finding('DATE_TARGET', pointer, { name: label, target }, lang));
      else if (p.unparsed) out.push(finding('TARGET_UNPARSED', pointer, { name: label, target }, lang));
      else out.push(finding('TARGET_NOT_MEASURABLE', pointer, { name: label, target }, lang));
      break;
    case 'quantitative':
      if (p.operator === null) out.push(finding('TARGET_NO_OPERATOR', pointer, { name: label, target }, lang));
      if (p.unit.raw === '') out.push(finding('TARGET_NO_UNIT', pointer, { name: label, target }, lang));
      break;
    case 'range':
      if (p.unit.raw === '') out.push(finding('TARGET_NO_UNIT', pointer, { name: label, target }, lang));
      break;
  }
  for (const note of p.notes) {
    const params = note.params ?? {};
    if (note.code === 'UNIT_UNKNOWN') {
      const unit = params.unit ?? (p.kind === 'quantitative' || p.kind === 'range' ? p.unit.raw : '');
      out.push(finding('UNIT_UNKNOWN', pointer, { name: label, unit }, lang));
    } else if (note.code === 'AMBIGUOUS_NUMBER') {
      out.push(finding('TARGET_AMBIGUOUS', pointer, { name: label, target }, lang));
    } else if (note.code === 'OPERATOR_CONFLICT') {
      out.push(finding('OPERATOR_CONFLICT', pointer, { name: label, column: params.column ?? '', inline: params.inline ?? '' }, lang));
    }
  }
  return out;
}

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/targets/check',
    {
      schema: {
        tags: ['targets'],
        summary: '检查指标值（绩效目标申报）',
        description: '逐项给出指标值的解析（比较符号、数值、单位、是否定性）与问题：不可量化、缺少单位、缺少比较符号、未知单位等。',
        body: TargetsBodySchema,
        response: { 200: TargetsResultSchema, ...problems(400, 413, 415) },
      },
    },
    async (req) => {
      const lang = langOf(req);
      const vocab = app.jixiao.vocabulary;
      const byCode: Record<string, number> = {};
      let measurable = 0;
      let withFindings = 0;
      const results: TargetCheck[] = req.body.targets.map((item, index) => {
        const t = typeof item === 'string' ? { target: item } : item;
        const pointer = `/targets/${index}`;
        const parsed = parseTarget(t.target, { operator: t.operator ?? null, unit: t.unit ?? null, indicatorName: t.name ?? null }, vocab);
        const findings = lintTarget(parsed, t.name ?? '', index, lang);
        const isMeasurable =
          (parsed.kind === 'quantitative' && parsed.operator !== null && parsed.unit.raw !== '') ||
          (parsed.kind === 'range' && parsed.unit.raw !== '');
        if (isMeasurable) measurable++;
        if (findings.length > 0) withFindings++;
        for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
        return { index, pointer, target: t.target, parse: describe(parsed), measurable: isMeasurable, findings };
      });
      req.work.forms = results.length;
      return { results, summary: { count: results.length, measurable, withFindings, byCode } };
    },
  );
};
