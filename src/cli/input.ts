/**
 * Reading a form for a command (a file path or "-" for standard input, JSON only) and the
 * command line itself. Every message is for the person at the terminal — often finance staff,
 * not a programmer: Chinese first, naming the file and what to do next.
 */
import { readFile } from 'node:fs/promises';
import type { CliIO } from './types.js';

export type Input = { ok: true; value: unknown } | { ok: false; message: string };

const FS_ERRORS: Record<string, string> = {
  ENOENT: '找不到该文件，请检查文件名和所在文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EACCES: '没有读取或写入该文件的权限',
  EPERM: '没有读取或写入该文件的权限',
  ENOTDIR: '路径中的某一级不是文件夹',
  EMFILE: '打开的文件过多，请稍后再试',
};

/** "找不到该文件…（ENOENT）": the reason in words, the system's code kept for whoever helps. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code && FS_ERRORS[code]) return `${FS_ERRORS[code]}（${code}）`;
  return code ?? (err as Error).message;
}

/** What a file holds when it is not the JSON a command expected, judged by its first bytes. */
export function sniff(buf: Uint8Array): 'xlsx' | 'ole' | 'json' | 'empty' | 'other' {
  if (buf.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) return 'empty';
  if (buf[0] === 0x50 && buf[1] === 0x4b) return 'xlsx'; // PK: a zip, as every .xlsx is
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'ole'; // .xls, or an encrypted .xlsx
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x0a || buf[i] === 0x0d || buf[i] === 0x09)) i++;
  return buf[i] === 0x7b || buf[i] === 0x5b ? 'json' : 'other';
}

/** Why a JSON file was refused, with the line and column of the error when the parser gives its position. */
function jsonReason(text: string, err: Error): string {
  const at = /at position (\d+)/.exec(err.message);
  const cutOff = /end of JSON input/i.test(err.message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
  if (cutOff) return `内容在结尾处中断，缺少右括号或引号 / unexpected end: ${err.message}`;
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return `第${line}行第${col}列附近有语法错误（常见原因：多余或缺少逗号、引号不成对、用了中文引号或中文逗号）/ syntax error at line ${line}, column ${col}: ${err.message}`;
  }
  return err.message;
}

/** The bytes of a form file as text, or why they are not a JSON form. */
export function decodeJson(path: string, buf: Uint8Array): Input {
  const kind = sniff(buf);
  if (kind === 'empty') return { ok: false, message: `${path} 是空的，没有表单内容 / it is empty` };
  if (kind === 'xlsx' || kind === 'ole') {
    return {
      ok: false,
      message:
        `${path} 是 Excel 工作簿，不是 JSON 表单 / this is an Excel workbook, not a JSON form.\n` +
        `请改用 / use instead:  jixiao import ${path} --score --format table` +
        (kind === 'ole' ? '\n（旧版 .xls 或设有打开密码的工作簿须先在 Excel 中另存为 .xlsx、去除密码 / save an .xls as .xlsx and remove any password first）' : ''),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return {
      ok: false,
      message: `${path} 不是 UTF-8 编码的文本（可能是 GBK / GB2312 编码）：请用记事本等编辑器“另存为”UTF-8 编码后再试 / the file is not UTF-8 (GBK?): save it as UTF-8`,
    };
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `${path} 不是有效的 JSON：${jsonReason(text, err as Error)}` };
  }
}

export async function readJsonInput(path: string, io: CliIO): Promise<Input> {
  let buf: Uint8Array;
  try {
    buf = path === '-' ? Buffer.from(await io.readStdin(), 'utf8') : await readFile(path);
  } catch (err) {
    return { ok: false, message: `无法读取 ${path}：${fsReason(err)}` };
  }
  return decodeJson(path === '-' ? '标准输入 / stdin' : path, buf);
}

export interface ParsedArgs {
  positional: string[];
  opts: Record<string, string>;
  unknown: string[];
  /** Flags given with no value (`--policy` last on the line). */
  empty: string[];
}

/** --flag value / --flag=value; everything else positional. */
export function parseArgs(args: string[], flags: string[]): ParsedArgs {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  const unknown: string[] = [];
  const empty: string[] = [];
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
      if (opts[k] === '') empty.push('--' + k);
    } else {
      positional.push(a);
    }
  }
  return { positional, opts, unknown, empty };
}

/** The edit distance of two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `names` to a mistyped `name`, when it is close enough to be meant. */
export function closest(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = distance(name.toLowerCase(), n.toLowerCase());
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** What is wrong with a command line, in one sentence, or null. */
export function argProblem(p: ParsedArgs, spec: { flags: string[]; positional: number; what?: [zh: string, en: string] }): string | null {
  if (p.unknown.length) {
    const u = p.unknown[0];
    const guess = closest(u.slice(2).split('=')[0], spec.flags);
    return `未知选项 / unknown option: ${u}${guess ? `（您是否要用 --${guess}？/ did you mean --${guess}?）` : ''}`;
  }
  if (p.empty.length) return `选项 ${p.empty[0]} 缺少取值 / ${p.empty[0]} needs a value`;
  if (p.positional.length < spec.positional) {
    const [zh, en] = spec.what ?? ['文件名', 'FILE'];
    return `缺少${zh} / missing ${en}`;
  }
  if (p.positional.length > spec.positional) return `多余的参数 / unexpected argument: ${p.positional.slice(spec.positional).join(' ')}`;
  return null;
}

/** A usage error: what is wrong, the usage line and where the help is; exit 2. */
export function usageError(io: CliIO, command: string, usage: string, why?: string | null): 2 {
  io.stderr(`${why ? why + '\n' : ''}用法 / usage: jixiao ${usage}\n（说明 / help: jixiao ${command} --help）\n`);
  return 2;
}

/** A policy id that is not in scoring/: the closest one, and the list. */
export function unknownPolicyMessage(id: string, ids: readonly string[]): string {
  const guess = closest(id, ids);
  return `未知的评分政策 / unknown policy: ${id}${guess ? `（您是否要用 ${guess}？/ did you mean ${guess}?）` : ''}\n可用 / available: ${ids.join(', ')}（jixiao policies 列出说明）\n`;
}

/** `--format` must be one of `allowed`; the reason when it is not. */
export function formatProblem(format: string | undefined, allowed: string[]): string | null {
  if (format === undefined || allowed.includes(format)) return null;
  return `--format 只能是 ${allowed.join(' 或 ')}，收到“${format}” / --format must be ${allowed.join(' or ')}`;
}
