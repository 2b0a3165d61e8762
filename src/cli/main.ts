/**
 * `npx jixiao <command> …`: a thin shell over the core. Each command lives in its own file
 * under commands/ and is listed here once.
 */
import { readFileSync } from 'node:fs';
import { closest } from './input.js';
import type { CliIO, Command } from './types.js';
import { policiesCommand } from './commands/policies.js';
import { scoreCommand } from './commands/score.js';
import { validateCommand } from './commands/validate.js';
import { importCommand } from './commands/import.js';
import { exportCommand } from './commands/export.js';
import { narrativeCommand } from './commands/narrative.js';
import { keysCommand } from './commands/keys.js';
import { whatifCommand } from './commands/whatif.js';

export const COMMANDS: Command[] = [scoreCommand, validateCommand, policiesCommand, importCommand, exportCommand, narrativeCommand, keysCommand, whatifCommand];

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      // `jixiao score -` typed at a terminal waits for input: say so rather than seem to hang.
      if (process.stdin.isTTY) process.stderr.write('正在从标准输入读取表单，结束请按 Ctrl+D（Windows：Ctrl+Z 后回车）/ reading standard input, end with Ctrl+D\n');
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
}

function usage(): string {
  const lines = ['jixiao：项目支出绩效自评表评分 / scoring 项目支出绩效自评表', '', '用法 / usage: jixiao <命令 command> [选项 options]', ''];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push(
    '',
    '常用 / common:',
    '  jixiao import 自评表.xlsx --score --format table   Excel 自评表：读入、评分、在终端显示结果',
    '  jixiao score 表单.json --format table             JSON 表单：评分并显示结果',
    '',
    '每个命令的说明 / help of a command: jixiao <命令> --help（或 jixiao help <命令>）',
    '退出码 / exit codes: 0 完成 done，1 失败 failure，2 输入或用法有误 invalid input or usage',
    '版本 / version: jixiao --version',
  );
  return lines.join('\n') + '\n';
}

function commandHelp(c: Command): string {
  return `用法 / usage: jixiao ${c.usage}\n\n${c.summary}\n\n${c.help.trimEnd()}\n`;
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length) return runCli([rest[0], '--help'], io);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout(pkg.version + '\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const guess = closest(name, COMMANDS.map((c) => c.name));
    io.stderr(`未知命令 / unknown command: ${name}${guess ? `（您是否要用 ${guess}？/ did you mean ${guess}?）` : ''}\n\n` + usage());
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    // A bug or the store out of reach, not bad input: say it in one line rather than a stack trace.
    io.stderr(`jixiao ${name} 出错 / failed: ${(err as Error).message}\n`);
    return 1;
  }
}
