/** The ordered, forward-only list of migrations. Append only; never edit one that has shipped. */
import { init } from './001_init.js';
import { unitNaturalKey } from './002_unit_natural_key.js';
import { jobs } from './003_jobs.js';
import { reviews } from './004_reviews.js';
import { rateLimits } from './005_rate_limits.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [init, unitNaturalKey, jobs, reviews, rateLimits];
export type { Migration } from './types.js';
