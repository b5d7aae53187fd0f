// What every Tasklist spec file shares: the application (started on a free port with a fresh database, or
// E2E_BASE_URL), the browser, the engine REST API as the demo administrator, and walks of steps that stop at the
// first failure. A spec calls useApp() once at its top level, then imports app, rest and browser (live bindings:
// set before the first step runs).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, startApp } from './app.mjs';
import { EngineRest } from './rest.mjs';
import { launchBrowser, Person } from './tasklist.mjs';

export let app;
export let browser;
export let rest;

const IMAGES = join(ROOT, 'docs', 'images');

let prefix = 'e2e';
let walks = 0;

/** Starts the application and the browser before the file's walks and stops them after; names its artifacts. */
export function useApp(name) {
  prefix = name;
  before(async () => {
    app = process.env.E2E_BASE_URL
      ? { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {} }
      : await startApp();
    rest = new EngineRest(app.baseUrl);
    browser = await launchBrowser();
  }, { timeout: 300_000 });
  after(async () => {
    for (const p of [...Person.open]) {
      await p.close();
    }
    await browser?.close();
    await app?.stop();
  }, { timeout: 60_000 });
}

/** A demo user logged in to Tasklist in a browser of their own. */
export function person(user) {
  return new Person(browser, app.baseUrl, user).login();
}

/**
 * Steps of one walk run in order; after a failed step the rest are skipped (they would fail for the same reason).
 * A failed step leaves a screenshot and the HTML of every open browser under target/e2e/
 * (failed-<file>-<walk>-<step>-<user>), and the next walk starts with fresh browsers.
 */
export function walk(title, body) {
  const walkNo = ++walks;
  describe(title, () => {
    let failed = null;
    let n = 0;
    body((name, fn, { timeout = 180_000 } = {}) => {
      const no = `${prefix}-${walkNo}-${String(++n).padStart(2, '0')}`;
      it(name, { timeout }, async (t) => {
        if (failed) {
          t.skip(`after the failed step «${failed}»`);
          return;
        }
        try {
          await fn(t);
        } catch (e) {
          failed = name;
          const files = [];
          for (const p of Person.open) {
            files.push(...(await p.saveArtifacts(`failed-${no}`)));
            if (p.problems?.length) {
              e.message += `\n${p.user}: ${p.problems.join('; ')}`;
            }
          }
          e.message += `\nScreenshots and HTML: ${files.join(', ') || 'none'}`;
          for (const p of [...Person.open]) {
            await p.close();
          }
          throw e;
        }
      });
    });
  });
}

/**
 * With E2E_SCREENSHOTS=1: what the person sees now, as a README picture docs/images/{@code name}; {@code top} is
 * scrolled to the top first.
 */
export async function picture(p, name, top) {
  if (process.env.E2E_SCREENSHOTS === '1') {
    mkdirSync(IMAGES, { recursive: true });
    const viewport = p.page.viewportSize();
    await p.page.setViewportSize({ width: 1400, height: 1150 });
    await top?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await p.page.mouse.move(0, 0); // no hover effects or tooltips
    await sleep(300);
    await p.page.screenshot({ path: join(IMAGES, name) });
    await p.page.setViewportSize(viewport);
  }
}
