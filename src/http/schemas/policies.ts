/** Schemas of GET /v1/policies and GET /v1/policies/:id: the policy parameters, decimals as strings. */
import { z } from 'zod';
import { PolicyWireSchema } from '../../core/policy/schema.js';

/** The compiled policy as JSON, derived from the one declaration in src/core/policy/schema.ts. */
export const PolicySchema = PolicyWireSchema.meta({ id: 'Policy', description: '评分政策的全部参数（十进制数为字符串）' });

export const PolicySummarySchema = PolicyWireSchema.pick({
  id: true,
  version: true,
  name: true,
  description: true,
  hash: true,
  isDefault: true,
  appliesTo: true,
}).meta({ id: 'PolicySummary', description: '评分政策概要' });

export const PolicyListSchema = z
  .object({ default: z.string().meta({ description: '默认政策 id' }), policies: z.array(PolicySummarySchema) })
  .meta({ id: 'PolicyList' });

export const PolicyParamsSchema = z.object({ id: z.string().max(64) });
