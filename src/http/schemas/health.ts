/** Schemas of /healthz and /readyz. */
import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const ReadySchema = z
  .object({
    status: z.literal('ready'),
    policies: z.number().int().meta({ description: '已加载的评分政策数' }),
    defaultPolicy: z.string(),
  })
  .meta({ id: 'Ready' });
