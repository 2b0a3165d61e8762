/**
 * The entry of an import reader process (src/excel/pool.ts forks it with its own heap limit):
 * reads one workbook per message through src/excel/worker.ts and sends the plain-data result back.
 * A workbook that needs more memory than the limit kills this process only, never the server.
 * Exits when the server goes away (the IPC channel closes).
 */
import importTask, { type ImportTask } from './worker.js';

export type ReaderRequest = { id: number; task: ImportTask };
export type ReaderReply = { ready: true } | { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

const send = (m: ReaderReply) => process.send?.(m);

process.on('message', (m: ReaderRequest) => {
  importTask(m.task).then(
    (result) => send({ id: m.id, ok: true, result }),
    (err: unknown) => send({ id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ ready: true });
