/** The ordered, forward-only list of migrations. Append only; never edit one that has shipped. */
import { init } from './001_init.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [init];
export type { Migration } from './types.js';
