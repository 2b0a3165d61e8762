/**
 * `npm start` / `node dist/server.js`: configuration from the environment, the core loaded
 * once, listen; SIGTERM / SIGINT close the server and let requests in flight finish
 * (at most SHUTDOWN_TIMEOUT_MS). A bad configuration is one clear message and exit 1.
 */
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './http/app.js';
import { loadJixiao, type Jixiao } from './jixiao.js';

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

const app = await buildApp({ config, jixiao }).catch(die);

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
