/**
 * The bundled bin (what `npm run build:cli` makes with scripts/build-cli.js and package.json
 * "bin" points at), run as a separate process: shebang, exit statuses, stdout/stderr separation,
 * a small plan checked and reported with copies, the packages it must not load on the way, and
 * the code cache it starts with (used when it fits, never in the way when it does not).
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { rollupJsonSchema } from '../../src/contract/rollup-json';
import { validateJsonSchema } from '../../src/contract/validate-json';
import { ZipArchive } from '../../src/hosts/xlsx/zip/archive';
import { syntheticPlan } from '../../src/testing/plans';
import { writeXlsxStream } from '../../src/testing/plans/xlsx';
import { tempDir } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli, entryPoints } = require('../../scripts/build-cli.js') as {
  buildCli(outdir: string): Promise<string[]>;
  entryPoints(): { out: string; in: string }[];
};

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
// Inside the project, so that the packages left out of the bundle are found in node_modules.
const OUT = path.join(ROOT, 'test-output', `bin-${process.pid}`);
const BIN = path.join(OUT, 'main.js');
/** A preload that lists, on exit, the packages the process loaded from node_modules. */
const PRELOAD = path.join(OUT, 'loaded-packages.js');

let dir: string;
let written: string[];

beforeAll(async () => {
  written = await buildCli(OUT);
  await fs.writeFile(
    PRELOAD,
    `const Module = require('module');
const seen = new Set();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const m = /^(@[^/]+\\/[^/]+|[^./][^/]*)/.exec(request);
  if (m && !Module.isBuiltin(request)) seen.add(m[1]);
  return load.apply(this, arguments);
};
process.on('exit', () => require('fs').writeFileSync(process.env.LOADED_OUT, JSON.stringify([...seen])));
`,
  );
  dir = await tempDir('cchc-bin-');
  await writeXlsxStream(syntheticPlan(50).sheet, path.join(dir, 'plan.xlsx'));
}, 120_000);

afterAll(async () => {
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.rm(`${OUT}-cache`, { recursive: true, force: true });
  await fs.rm(dir, { recursive: true, force: true });
});

interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Packages required from node_modules during the run. */
  loaded: string[];
}

async function bin(args: string[], main = BIN): Promise<BinResult> {
  const loadedOut = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const env = { ...process.env, CCHC_DEBUG: '', LOADED_OUT: loadedOut };
  let result: Omit<BinResult, 'loaded'>;
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--require', PRELOAD, main, ...args], { cwd: dir, env });
    result = { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    result = { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
  const loaded = JSON.parse(await fs.readFile(loadedOut, 'utf8')) as string[];
  return { ...result, loaded };
}

test('the command line type-checks with its own settings (Node only, no DOM), as `npm run build:cli` does first', async () => {
  // A type only the DOM library has breaks `npm install` (prepare) though the tests pass.
  const result = await exec(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.cli.json'], { cwd: ROOT }).then(
    () => ({ stdout: '' }),
    (e: { stdout: string }) => e,
  );
  expect(result.stdout).toBe('');
}, 180_000);

test('the build writes one bundle per entry (the bin main.js, the command line cli.js, every src/cli/*-worker.ts) and the code cache', () => {
  const entries = entryPoints();
  expect(entries.slice(0, 2).map((e) => path.relative(ROOT, e.in))).toEqual([path.join('src', 'cli', 'bin.ts'), path.join('src', 'cli', 'main.ts')]);
  const expected = [...entries.map((e) => `${e.out}.js`), 'cli.js.code-cache'];
  expect(written.map((f) => path.basename(f)).sort()).toEqual(expected.sort());
});

/** How the bin in `dir` loads the bundle, as `node` run plainly: used, refused or none. */
async function cacheState(dir: string): Promise<string> {
  const { stdout } = await exec(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(path.join(dir, 'main.js'))}).loadCli(${JSON.stringify(dir)}).cache)`], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return stdout;
}

test('the bin compiles the command line with the code cache the build made for it', async () => {
  expect(await cacheState(OUT)).toBe('used');
}, 60_000);

test('a code cache that does not fit (missing, corrupt, of another build, refused by V8) is not used, and the run is the same', async () => {
  const reference = await bin(['validate', 'plan.xlsx', '--json', '--as-of', '15/07/2024']);
  expect(reference.stderr).toBe('');
  const alt = `${OUT}-cache`;
  await fs.rm(alt, { recursive: true, force: true });
  await fs.cp(OUT, alt, { recursive: true });
  const cacheFile = path.join(alt, 'cli.js.code-cache');
  const good = await fs.readFile(cacheFile);
  const headerEnd = good.indexOf(0x0a) + 1;
  const bundle = await fs.readFile(path.join(alt, 'cli.js'));
  const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');
  const [magic, sourceDigest] = good.subarray(0, headerEnd - 1).toString('latin1').split('\t');

  const cases: [string, () => Promise<void>, string][] = [
    ['missing', () => fs.rm(cacheFile), 'none'],
    // One byte of the bytecode changed: its digest no longer matches.
    ['corrupt', () => fs.writeFile(cacheFile, Buffer.concat([good.subarray(0, -1), Buffer.from([good.at(-1)! ^ 0xff])])), 'none'],
    ['truncated', () => fs.writeFile(cacheFile, good.subarray(0, headerEnd + 1000)), 'none'],
    ['no header', () => fs.writeFile(cacheFile, good.subarray(headerEnd)), 'none'],
    // Another build: the cache is whole but was made for other bytes of cli.js (same length).
    ['another build', () => fs.writeFile(path.join(alt, 'cli.js'), Buffer.from(bundle.toString('latin1').replace('cchc-plan', 'cchc-plaN'), 'latin1')), 'none'],
    // Whole and made for this cli.js by its header, but not V8's (another Node, other flags).
    ['refused by V8', () => {
      const data = Buffer.alloc(4096, 7);
      return fs.writeFile(cacheFile, Buffer.concat([Buffer.from(`${magic}\t${sourceDigest}\t${sha1(data)}\n`, 'latin1'), data]));
    }, 'refused'],
  ];
  for (const [what, spoil, state] of cases) {
    await fs.writeFile(path.join(alt, 'cli.js'), bundle);
    await fs.writeFile(cacheFile, good);
    await spoil();
    expect([what, await cacheState(alt)]).toEqual([what, state]);
    const run = await bin(['validate', 'plan.xlsx', '--json', '--as-of', '15/07/2024'], path.join(alt, 'main.js'));
    expect([what, run.code, run.stderr, run.stdout]).toEqual([what, reference.code, '', reference.stdout]);
  }
}, 120_000);

test('the bundle has no import() left: the bin compiles it with vm.Script, which cannot load one', async () => {
  expect(await fs.readFile(path.join(OUT, 'cli.js'), 'utf8')).not.toMatch(/[^\w$.]import\(/);
});

test('the bin starts by its shebang and checks the sample: JSON on stdout, exit status 1', async () => {
  expect((await fs.readFile(BIN, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect((await fs.stat(BIN)).mode & 0o111).not.toBe(0);
  const sample = path.join(ROOT, 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
  const { stdout, stderr } = await exec(BIN, ['validate', sample, '--json', '--as-of', '2024-10-15'], { cwd: dir }).catch((e) => e as { stdout: string; stderr: string; code: number });
  expect(stderr).toBe('');
  const json = validateJsonSchema.parse(JSON.parse(stdout));
  expect(json.summary.errors).toBeGreaterThan(0);
}, 60_000);

test('a small plan: validate --out and report --out write complete copies without loading exceljs or cli-progress', async () => {
  const checked = await bin(['validate', 'plan.xlsx', '--out', 'checked.xlsx', '--json', '--as-of', '15/07/2024']);
  expect(checked.stderr).toBe('');
  const json = validateJsonSchema.parse(JSON.parse(checked.stdout));
  // The synthetic plan has rows with errors: exit status 1, as cli-json.md says.
  expect(json.summary.errors).toBeGreaterThan(0);
  expect(checked.code).toBe(1);
  expect(json.sheet).toBe(syntheticPlan(50).sheet.name);
  expect(json.summary.tasks).toBeGreaterThan(30);
  const copy = new ZipArchive(await fs.readFile(path.join(dir, 'checked.xlsx')));
  expect(copy.find('xl/workbook.xml')).toBeDefined();

  const report = await bin(['report', 'plan.xlsx', '--period', 'Q2', '--year', '2024', '--as-of', '15/07/2024', '--out', 'report.xlsx', '--lang', 'en']);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(checked.code);
  expect(report.stdout).toContain('report.xlsx');
  const sheets = (zip: ZipArchive) => zip.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).length;
  const reported = new ZipArchive(await fs.readFile(path.join(dir, 'report.xlsx')));
  expect(sheets(reported)).toBe(sheets(copy) + 1);

  for (const run of [checked, report]) {
    expect(run.loaded).not.toContain('exceljs');
    expect(run.loaded).not.toContain('cli-progress');
    // date-fns, zod and commander are inside the bundle: nothing is resolved from node_modules.
    expect(run.loaded).toEqual([]);
  }
}, 60_000);

test('convert loads exceljs from node_modules when it needs it', async () => {
  const result = await bin(['convert', 'plan.xlsx', '--out', 'unicode.xlsx', '--lang', 'en']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.loaded).toContain('exceljs');
  await fs.access(path.join(dir, 'unicode.xlsx'));
}, 60_000);

test('a missing file: exit status 2 and one sentence on stderr, nothing on stdout', async () => {
  const result = await bin(['validate', 'khong-co.xlsx', '--lang', 'en']);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual(['File “khong-co.xlsx” not found.']);
}, 60_000);

test('rollup from the bundled bin: its worker threads load rollup-worker.js beside main.js; piscina only then', async () => {
  const out = path.join(OUT, 'tong-hop.xlsx');
  const sample = 'ke-hoach-cchc-2024.xlsx';
  await fs.copyFile(path.join(ROOT, 'assets', 'sample', sample), path.join(dir, sample));
  const result = await bin(['rollup', sample, '--period', 'Q3', '--out', out, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.loaded).toContain('piscina');
  const json = rollupJsonSchema.parse(JSON.parse(result.stdout));
  expect(json.files).toEqual([expect.objectContaining({ file: sample, ok: true })]);
  expect(json.units).toHaveLength(1);
  await fs.access(out);
}, 60_000);
