/**
 * `npx jixiao <command> …`: a thin shell over the core. Each command lives in its own file
 * under commands/ and is listed here once.
 */
import { readFileSync } from 'node:fs';
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
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
}

function usage(): string {
  const lines = ['用法 / usage: jixiao <command> [options]', ''];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(58)} ${c.summary}`);
  return lines.join('\n') + '\n';
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout(pkg.version + '\n');
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`未知命令 / unknown command: ${name}\n\n` + usage());
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    // A bug, not bad input: say it in one line rather than a stack trace.
    io.stderr(`jixiao ${name}: ${(err as Error).message}\n`);
    return 1;
  }
}
