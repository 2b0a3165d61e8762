/** Reading a form for a command: a file path or "-" for standard input, JSON only. */
import { readFile } from 'node:fs/promises';
import type { CliIO } from './types.js';

export type Input = { ok: true; value: unknown } | { ok: false; message: string };

export async function readJsonInput(path: string, io: CliIO): Promise<Input> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await readFile(path, 'utf8');
  } catch (err) {
    return { ok: false, message: `无法读取 ${path}：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, message: `${path} 不是有效的 JSON：${(err as Error).message}` };
  }
}

/** --flag value / --flag=value; everything else positional. */
export function parseArgs(args: string[], flags: string[]): { positional: string[]; opts: Record<string, string>; unknown: string[] } {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      if (!flags.includes(k)) {
        unknown.push(a);
        continue;
      }
      const v = inline ?? args[i + 1];
      if (inline === undefined) i++;
      opts[k] = v ?? '';
    } else {
      positional.push(a);
    }
  }
  return { positional, opts, unknown };
}
