/** The ordered, forward-only list of migrations. Append only; never edit one that has shipped. */
import { init } from './001_init.js';
import { unitNaturalKey } from './002_unit_natural_key.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [init, unitNaturalKey];
export type { Migration } from './types.js';
