// Starts the application (the Spring Boot jar built by Maven) on a free port with a fresh temporary data
// directory, waits until /actuator/health says UP, and stops it again. Used by the browser tests.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const OUT = join(ROOT, 'target', 'e2e');

/** The jar to run: E2E_JAR, or the one `./mvnw package` left in target/. */
export function findJar() {
  if (process.env.E2E_JAR) {
    return resolve(process.env.E2E_JAR);
  }
  const target = join(ROOT, 'target');
  const jars = existsSync(target)
    ? readdirSync(target).filter((f) => /^wg-meetings-.*\.jar$/.test(f) && !f.endsWith('-plain.jar'))
    : [];
  if (jars.length !== 1) {
    throw new Error(`Expected one application jar in ${target} (found ${jars.length}); build it first: ./mvnw -B -DskipTests package`);
  }
  return join(target, jars[0]);
}

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/**
 * Starts the jar ({@code env}: more environment variables, e.g. WG_DEMO_DATA). Returns { baseUrl, dataDir, trustStore, logFile, stop() }. The application's log goes to
 * target/e2e/app-<port>.log (kept for a failed run).
 */
export async function startApp({ timeoutMs = 240_000, env: extraEnv = {} } = {}) {
  const jar = findJar();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'wg-e2e-'));
  mkdirSync(OUT, { recursive: true });
  const logFile = join(OUT, `app-${port}.log`);
  const log = createWriteStream(logFile);
  const env = {
    ...process.env,
    SERVER_PORT: String(port),
    SERVER_ADDRESS: '127.0.0.1',
    DB_URL: `jdbc:h2:file:${join(dataDir, 'wg')};DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000`,
    WG_CALENDAR_DIR: join(dataDir, 'calendar'),
    MAIL_OUTBOX_DIR: join(dataDir, 'outbox'),
    WG_TEMPLATES_DIR: join(dataDir, 'templates'),
    // electronic signing (the default): lib/signature.mjs writes the walks' test CA roots here
    WG_SIGNATURE_TRUST_STORE: join(dataDir, 'trust-store'),
    MAIL_HOST: '',
    MAIL_TRANSPORT: 'auto',
    APP_URL: `http://127.0.0.1:${port}`,
    WG_DEMO_ROSTER: 'true',
    JOB_EXECUTION_ENABLED: 'true',
    ...extraEnv,
  };
  const javaOpts = (process.env.E2E_JAVA_OPTS || '-Xmx768m -XX:TieredStopAtLevel=1').split(/\s+/).filter(Boolean);
  const child = spawn('java', [...javaOpts, '-jar', jar], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(`The application exited during start (${JSON.stringify(exited)}); see ${logFile}`);
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`The application did not become healthy within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/actuator/health`);
      if (res.ok && (await res.json()).status === 'UP') {
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM');
      const deadline = Date.now() + 30_000;
      while (!exited && Date.now() < deadline) {
        await sleep(200);
      }
      if (!exited) {
        child.kill('SIGKILL');
        while (!exited) {
          await sleep(100);
        }
      }
    }
    log.end();
    if (!process.env.E2E_KEEP_DATA) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  return { baseUrl, port, dataDir, trustStore: env.WG_SIGNATURE_TRUST_STORE, logFile, pid: child.pid, stop };
}
