/**
 * For the browser e2e files: build the harness bundle (pane + Excel host + fake Excel) with the
 * project's webpack config, serve it on 127.0.0.1 and start Debian's Chromium headless, with
 * every request that would leave the machine refused and recorded.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../../..');
export const SHOTS = path.join(ROOT, 'test-output/screenshots');
export const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

export async function buildHarness(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require('../../../webpack.config.js') as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await makeConfig({ harness: true, outDir }, { mode: 'development' });
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve();
    });
  });
}

export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

export interface Browser {
  context: BrowserContext;
  /** Page errors, console errors and refused requests, for a final "nothing went wrong". */
  problems: string[];
  /** A new page that reports its problems into `problems`. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(options: { permissions?: string[] } = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    // en-US on purpose: the browser locale whose date order (05/15/2024) the pane must not follow.
    locale: 'en-US',
    permissions: options.permissions ?? [],
  });
  const problems: string[] = [];
  const watch = async (page: Page) => {
    page.on('pageerror', (err) => problems.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      problems.push(`request to ${url.href}`);
      return route.abort();
    });
  };
  return {
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      await watch(page);
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
