/**
 * Loads indicators/*.json and compiles them (the I/O shell around core/parse/vocabulary.ts).
 * The default vocabulary is read once per process and cached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LabelsSchema } from '../core/parse/labels.js';
import { compileVocabulary, type RawVocabulary, type Vocabulary } from '../core/parse/vocabulary.js';

// ../../indicators/ from both src/data/ and the compiled dist/data/.
const DEFAULT_DIR = fileURLToPath(new URL('../../../indicators/', import.meta.url));

const strings = z.array(z.string());
const tierLists = z.object({ A: strings.optional(), B: strings.optional(), C: strings.optional() });
const opLists = z.object({
  GE: strings.optional(), GT: strings.optional(), EQ: strings.optional(), LT: strings.optional(), LE: strings.optional(),
});
const named = z.record(z.string(), z.object({ name: z.string(), aliases: strings }));

const FILES = {
  operators: {
    file: 'operators.json',
    schema: z.object({
      prefix: opLists,
      suffix: opLists,
      codes: z.record(z.string(), z.string()),
      columnWords: z.record(z.string(), z.string()),
      symbols: z.object({ GE: z.string(), GT: z.string(), EQ: z.string(), LT: z.string(), LE: z.string() }),
      approximate: strings.optional(),
      relative: strings.optional(),
    }),
  },
  units: {
    file: 'units.json',
    schema: z.object({
      multipliers: z.record(z.string(), z.string()),
      units: z.array(z.object({ base: z.string(), aliases: strings, scalable: z.boolean().optional() })),
    }),
  },
  qualitative: {
    file: 'qualitative.json',
    schema: z.object({
      labels2020: tierLists, labels2016: tierLists, short: tierLists, synonyms: tierLists,
      graded: z.record(z.string(), strings),
      placeholders: strings,
      answers: z.object({ yes: strings, no: strings }),
      noDeviationNotes: strings,
      gradeAliases: z.record(z.string(), z.string()),
      meaning: z.object({ up: strings, down: strings, strong: strings }).optional(),
    }),
  },
  taxonomy: {
    file: 'taxonomy.json',
    schema: z.object({
      level1: named,
      level2: named,
      directionHints: z.object({ reverse: strings, notReverse: strings.optional(), doubleCount: strings }),
    }),
  },
  commonIndicators: {
    file: 'common-indicators.json',
    schema: z.object({
      indicators: z.array(z.object({
        id: z.string(), name: z.string(), level1: z.string(), level2: z.string(),
        direction: z.enum(['positive', 'reverse', 'equal', 'qualitative', 'date', 'range']),
        typical: z.string().nullable(), unit: z.string().nullable(), explanation: z.string().nullable(),
        sources: z.string(), evidence: z.string(),
      }).passthrough()),
    }),
  },
  labels: { file: 'labels.json', schema: LabelsSchema },
} as const;

function readJson(dir: string, file: string, schema: z.ZodType): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`vocabulary file ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`vocabulary file ${path}: invalid JSON (${(e as Error).message})`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const problems = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`vocabulary file ${path}: unexpected shape (${problems.join('; ')})`);
  }
  return data; // the original object: the schema only checks, it must not strip "$comment" or extra fields
}

let cached: Vocabulary | null = null;

/** Read and compile the vocabulary; without `dir`, the default indicators/ folder, cached. */
export function loadVocabulary(dir?: string): Vocabulary {
  if (dir === undefined && cached) return cached;
  const d = dir ?? DEFAULT_DIR;
  const raw = {} as Record<keyof typeof FILES, unknown>;
  for (const [key, { file, schema }] of Object.entries(FILES)) {
    raw[key as keyof typeof FILES] = readJson(d, file, schema);
  }
  let vocab: Vocabulary;
  try {
    vocab = compileVocabulary(raw as unknown as RawVocabulary);
  } catch (e) {
    // compileVocabulary names the file ("qualitative.json: …"); add the folder.
    throw new Error(`vocabulary in ${d}: ${(e as Error).message}`);
  }
  if (dir === undefined) cached = vocab;
  return vocab;
}
