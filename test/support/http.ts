/** Helpers of the HTTP tests: an app with captured logs, the seed forms as text, NDJSON bodies. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Config } from '../../src/config.js';
import type { Jixiao } from '../../src/jixiao.js';

export const SEEDS = ['01-jingban', '02-dangan', '03-dalou'] as const;
export type SeedName = (typeof SEEDS)[number];

export function seedText(name: SeedName): string {
  return readFileSync(new URL(`../fixtures/seed/${name}.json`, import.meta.url), 'utf8');
}

/** The seed form on one line, as an NDJSON line. */
export function seedLine(name: SeedName): string {
  return JSON.stringify(JSON.parse(seedText(name)));
}

export interface TestApp {
  app: FastifyInstance;
  /** Log lines written so far, parsed. */
  logs: Record<string, unknown>[];
}

export async function testApp(config: Partial<Config> = {}, jixiao?: Jixiao): Promise<TestApp> {
  const logs: Record<string, unknown>[] = [];
  const app = await buildApp({
    jixiao,
    config: { logLevel: 'info', ...config },
    logStream: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { app, logs };
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
export const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson' };
