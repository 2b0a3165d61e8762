/** What a CLI command gets: its arguments and the process's streams, injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input (for "-" as a file name). */
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** `jixiao <command> --help`: what the command does, its options and an example, Chinese first. */
  help: string;
  /** Exit status: 0 done, 1 failure, 2 invalid input or usage. */
  run(args: string[], io: CliIO): Promise<number>;
}
