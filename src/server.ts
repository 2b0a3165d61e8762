/**
 * `npm start` / `node dist/server.js`: configuration from the environment, the core loaded
 * once, listen; SIGTERM / SIGINT close the server and let requests in flight finish
 * (at most SHUTDOWN_TIMEOUT_MS). A bad configuration is one clear message and exit 1.
 */
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './http/app.js';
import { loadJixiao, type Jixiao } from './jixiao.js';
import { openStore } from './store/index.js';
import { ensureBootstrapKey } from './auth/keys.js';

function die(err: unknown): never {
  const msg = err instanceof ConfigError ? err.message : `jixiao: cannot start: ${(err as Error).message ?? String(err)}`;
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
const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl ?? undefined }).catch(die);
const app = await buildApp({ config, jixiao, store }).catch(die);
app.addHook('onClose', async () => store.close());
try {
  const info = await store.info();
  app.log.info({ store: info.dialect, where: info.where, schemaVersion: info.schemaVersion }, 'store ready');
  const boot = await ensureBootstrapKey(store, config.bootstrapKey);
  if (boot.created && boot.key) {
    // Printed once, on the first start only: the hash is all that is stored.
    app.log.warn({ keyId: boot.id, key: boot.key }, 'first bureau API key created; it is shown only this once: store it now');
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
