/**
 * The bundled bin (what `npm run build:cli` makes with scripts/build-cli.js and package.json
 * "bin" points at), run as a separate process: shebang, exit statuses, stdout/stderr separation,
 * a small plan checked and reported with copies, and the packages it must not load on the way.
 */
import { execFile } from 'child_process';
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
  entryPoints(): string[];
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
  await fs.rm(dir, { recursive: true, force: true });
});

interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Packages required from node_modules during the run. */
  loaded: string[];
}

async function bin(args: string[]): Promise<BinResult> {
  const loadedOut = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const env = { ...process.env, CCHC_DEBUG: '', LOADED_OUT: loadedOut };
  let result: Omit<BinResult, 'loaded'>;
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--require', PRELOAD, BIN, ...args], { cwd: dir, env });
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

test('the build writes one bundle per entry: main.js and every src/cli/*-worker.ts', () => {
  const expected = entryPoints().map((f) => path.basename(f).replace(/\.ts$/, '.js'));
  expect(expected[0]).toBe('main.js');
  expect(written.map((f) => path.basename(f)).sort()).toEqual([...expected].sort());
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
