/**
 * `npm start` / `node dist/server.js`: configuration from the environment, the core loaded
 * once, listen; SIGTERM / SIGINT close the server and let requests in flight finish
 * (at most SHUTDOWN_TIMEOUT_MS). A bad configuration is one clear message and exit 1.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './http/app.js';
import { loadJixiao, type Jixiao } from './jixiao.js';
import { openStore, storeConfigOf } from './store/index.js';
import { ensureBootstrapKey } from './auth/keys.js';

/** Writes a secret to DIR/NAME readable by the owner only; the path, or null when it cannot. */
function writeSecret(dir: string, name: string, secret: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    const path = resolve(join(dir, name));
    writeFileSync(path, secret + '\n', { mode: 0o600 });
    chmodSync(path, 0o600); // mode applies on creation only: an older file keeps its own
    return path;
  } catch {
    return null;
  }
}

/** A start-up failure in the words of the person starting it: Chinese first, then the error as Node gave it. */
function startFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { port?: number };
  const why = e.message ?? String(err);
  if (e.code === 'EADDRINUSE') return `jixiao：无法启动：端口 ${e.port ?? ''} 已被占用，请关闭占用它的程序或设置其他端口（PORT=…）/ cannot start: ${why}`;
  if (e.code === 'EACCES') return `jixiao：无法启动：无权监听该地址或端口（PORT、HOST）/ cannot start: ${why}`;
  return `jixiao：无法启动 / cannot start: ${why}`;
}

function die(err: unknown): never {
  const msg = err instanceof ConfigError ? err.message : startFailure(err);
  process.stderr.write(msg + '\n');
  process.exit(1);
}

let config: Config;
let jixiao: Jixiao;
try {
  config = loadConfig(process.env);
  jixiao = loadJixiao();
} catch (err) {
  die(err);
}

// Storage: SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL; migrations run here.
const store = await openStore(storeConfigOf(config)).catch(die);
const app = await buildApp({ config, jixiao, store }).catch(die);
app.addHook('onClose', async () => store.close());
try {
  const info = await store.info();
  app.log.info({ store: info.dialect, where: info.where, schemaVersion: info.schemaVersion }, 'store ready');
  const boot = await ensureBootstrapKey(store, config.bootstrapKey);
  if (boot.created && boot.key) {
    // Shown once, on the first start only (the hash is all that is stored), and never through
    // the log stream, where log shippers would keep it: a file only the service's user can read.
    const where = writeSecret(config.dataDir, 'bootstrap-key', boot.key);
    if (where) {
      process.stderr.write(`jixiao：首个财政局（bureau）API 密钥（${boot.id}）已写入 ${where}（仅本用户可读）；请另行妥善保存后删除该文件。\n` +
        `jixiao: the first bureau API key (${boot.id}) was written to ${where} (mode 0600); store it elsewhere and delete the file\n`);
      app.log.warn({ keyId: boot.id, file: where }, 'first bureau API key created and written to a file; it is not shown anywhere else');
    } else {
      // The data folder is not writable: the terminal, once, outside the log stream.
      process.stderr.write(`jixiao：首个财政局（bureau）API 密钥（${boot.id}），仅显示这一次，请妥善保存 / the first bureau API key, shown only this once: ${boot.key}\n`);
      app.log.warn({ keyId: boot.id }, 'first bureau API key created and printed once to stderr (not to the log)');
    }
  } else if (boot.created) {
    app.log.info({ keyId: boot.id }, 'bureau API key taken from BOOTSTRAP_KEY');
  }
} catch (err) {
  die(err);
}

closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error');
  else app.log.info({ signal }, 'closing: letting requests in flight finish');
  await app.close();
});

try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  die(err);
}
