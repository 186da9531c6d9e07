/**
 * The compiled bin (what `npm run build:cli` makes and package.json "bin" points at), run as a
 * separate process: shebang, exit statuses, stdout/stderr separation.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { promisify } from 'util';
import { rollupJsonSchema } from '../../src/contract/rollup-json';
import { validateJsonSchema } from '../../src/contract/validate-json';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', `bin-${process.pid}`);
const BIN = path.join(OUT, 'cli', 'main.js');

beforeAll(async () => {
  // Compile with the CLI's own tsconfig into a private folder (type errors elsewhere do not stop emitting).
  await exec(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT], { cwd: ROOT }).catch(() => undefined);
  await fs.access(BIN);
}, 120_000);

afterAll(async () => {
  await fs.rm(OUT, { recursive: true, force: true });
});

async function bin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(BIN, args, { cwd: ROOT, env: { ...process.env, CCHC_DEBUG: '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

test('the bin starts by its shebang and checks the sample: JSON on stdout, exit status 1', async () => {
  expect((await fs.readFile(BIN, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  await fs.chmod(BIN, 0o755);
  const result = await bin(['validate', path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx'), '--json', '--as-of', '2024-10-15']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const json = validateJsonSchema.parse(JSON.parse(result.stdout));
  expect(json.summary.errors).toBeGreaterThan(0);
}, 60_000);

test('a missing file: exit status 2 and one sentence on stderr, nothing on stdout', async () => {
  await fs.chmod(BIN, 0o755);
  const result = await bin(['validate', 'khong-co.xlsx', '--lang', 'en']);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual(['File “khong-co.xlsx” not found.']);
}, 60_000);

test('rollup from the compiled bin: its worker threads load dist/cli/rollup-worker.js', async () => {
  await fs.chmod(BIN, 0o755);
  const out = path.join(OUT, 'tong-hop.xlsx');
  const sample = path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
  const result = await bin(['rollup', sample, '--period', 'Q3', '--out', out, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const json = rollupJsonSchema.parse(JSON.parse(result.stdout));
  expect(json.files).toEqual([expect.objectContaining({ file: sample, ok: true })]);
  expect(json.units).toHaveLength(1);
  await fs.access(out);
}, 60_000);
