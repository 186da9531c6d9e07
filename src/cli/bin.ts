#!/usr/bin/env node
/**
 * The bin (package.json "bin": dist/cli/main.js, built from this file by scripts/build-cli.js):
 * loads the command line's bundle (dist/cli/cli.js, from src/cli/main.ts) and runs it.
 *
 * Start-up: compiling the 1.4 MB bundle is most of a small file's run. The build runs the bundle
 * once on the sample plan and keeps V8's code cache (bytecode of every function that ran) in
 * cli.js.code-cache; here the bundle is compiled with it, as a CommonJS module would be. The
 * cache is used only when it was made for exactly these bytes of cli.js and is whole (its
 * header holds both digests); V8 itself refuses a cache from another Node or V8 version or
 * other V8 flags. Missing, foreign, corrupt or refused: the bundle is compiled from its source,
 * as without a cache — only slower. (Node 20 has no module.enableCompileCache.)
 *
 * Node built-ins only: nothing here may cost what it saves.
 */
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import vm from 'vm';

export const BUNDLE = 'cli.js';
export const CODE_CACHE = 'cli.js.code-cache';
const MAGIC = 'cchc-plan code cache 1';

interface CliExports {
  main(): void;
  run(argv: readonly string[], io?: object): Promise<number>;
}

export interface LoadedCli {
  exports: CliExports;
  /** What became of the code cache: used, refused by V8, or none fit (absent, foreign, corrupt). */
  cache: 'used' | 'refused' | 'none';
  script: vm.Script;
}

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The cache's data, when the file holds a whole cache made for exactly `source`. */
export function readCodeCache(cacheFile: string, source: Uint8Array): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = file.indexOf(0x0a);
  if (end < 0) return undefined;
  const [magic, sourceDigest, dataDigest] = file.subarray(0, end).toString('latin1').split('\t');
  const data = file.subarray(end + 1);
  if (magic !== MAGIC || sourceDigest !== digest(source) || dataDigest !== digest(data)) return undefined;
  return data;
}

/** The bundle as the body of a CommonJS module's function (its first line, "#!…", a comment). */
function wrapped(source: string): string {
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  return `(function (exports, require, module, __filename, __dirname) {${body}\n})`;
}

/** Compile and run the bundle in `dir` (its top level only: the command line is not started). */
export function loadCli(folder: string, useCache = true): LoadedCli {
  const dir = path.resolve(folder);
  const file = path.join(dir, BUNDLE);
  const source = readFileSync(file);
  const cachedData = useCache ? readCodeCache(path.join(dir, CODE_CACHE), source) : undefined;
  const script = new vm.Script(wrapped(source.toString('utf8')), { filename: file, cachedData });
  const module = { exports: {} as CliExports };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir);
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  return { exports: module.exports, cache, script };
}

/**
 * Make the code cache of the bundle in `dir`: compile it, run the common commands once on
 * `sample` (a plan; their output is dropped, their copies written to a temporary folder), then
 * keep the bytecode of every function compiled so far. Written whole or not at all.
 */
export async function makeCodeCache(dir: string, sample: string): Promise<void> {
  const loaded = loadCli(dir, false);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cchc-code-cache-'));
  try {
    const quiet = { stdout() {}, stdoutBytes() {}, stderr() {}, progressStream: undefined, drained: () => Promise.resolve(), cwd: work, today: () => '2024-07-15' };
    await loaded.exports.run(['validate', sample, '--json', '--out', 'checked.xlsx'], quiet);
    await loaded.exports.run(['report', sample, '--period', 'Q2', '--out', 'report.xlsx'], quiet);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const data = loaded.script.createCachedData();
  const header = Buffer.from(`${MAGIC}\t${digest(readFileSync(path.join(dir, BUNDLE)))}\t${digest(data)}\n`, 'latin1');
  const target = path.join(dir, CODE_CACHE);
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([header, data]));
  renameSync(temporary, target);
}

let cli: CliExports | undefined;

/** The command line's `run(argv, io)` (src/cli/main.ts), for a program that requires the bin
 * (scripts/demo.js, the bench's roll-up child). */
export function run(argv: readonly string[], io?: object): Promise<number> {
  cli ??= loadCli(__dirname).exports;
  return cli.run(argv, io);
}

if (require.main === module) loadCli(__dirname).exports.main();
