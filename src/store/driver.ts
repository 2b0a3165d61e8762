/**
 * The little SQL surface both engines share. SQL is written once with `?` placeholders; the
 * PostgreSQL driver numbers them ($1, $2 …). Every driver error that means "the database cannot
 * take this now" (disk full, I/O error, lost connection, timeout) becomes StoreUnavailableError,
 * which the HTTP layer answers with 503; a unique-key violation becomes StoreConflictError.
 */
export type Dialect = 'sqlite' | 'postgres';
export type Param = string | number | null;

export interface Queryable {
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows changed. */
  run(sql: string, params?: Param[]): Promise<number>;
}

export interface Driver extends Queryable {
  readonly dialect: Dialect;
  /** One transaction: COMMIT when fn resolves, ROLLBACK when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Where the data lives, without credentials (for the log). */
  readonly where: string;
}

export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

export class StoreConflictError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** A promise chain that runs one task at a time (SQLite has one connection and one writer). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
