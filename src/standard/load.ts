/**
 * Reads indicators/standard.json once per process (the I/O shell of the standard-shape converter,
 * like src/data/ is for the vocabulary). Everything else in src/standard/ is pure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StandardCodesSchema, type StandardCodes } from './codes.js';

// ../../indicators/ from both src/standard/ and the compiled dist/standard/.
const FILE = fileURLToPath(new URL('../../indicators/standard.json', import.meta.url));

let cached: StandardCodes | undefined;

export function loadStandardCodes(file = FILE): StandardCodes {
  if (file !== FILE) return StandardCodesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  cached ??= StandardCodesSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  return cached;
}
