#!/usr/bin/env node
/**
 * The command line's bundle: src/cli/main.ts (as cli.js) and every worker entry
 * (src/cli/*-worker.ts, each started in its own thread by the CLI) bundled by esbuild into one
 * file each under dist/cli, so that starting `cchc-plan` reads one file instead of resolving and
 * compiling ~200 modules; and the bin, main.js (src/cli/bin.ts), which loads cli.js with V8's
 * code cache, cli.js.code-cache, made here by running the bundle once on the sample plan in a
 * child process (a plain `node`, as the bin is run). No cache (it could not be made) is not an
 * error: the bin then compiles cli.js from its source.
 * `npm run build:cli` type-checks first (tsc --noEmit -p tsconfig.cli.json), then runs this.
 *
 *   node scripts/build-cli.js [--outdir <folder>]     (default dist/cli)
 *
 * Packages left outside the bundle, required from node_modules when (and only when) needed:
 * exceljs (only `convert` uses it; big), cli-progress (only with a terminal on stderr), piscina
 * (starts worker threads by file name). The folder must sit inside the project (or an install of
 * the package) so that node_modules is found from it.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CLI_SRC = path.join(ROOT, 'src', 'cli');
// tsx: named by rollup-pool.ts only for running the worker from its .ts source (tests), never from dist.
const EXTERNAL = ['exceljs', 'cli-progress', 'piscina', 'tsx'];

/** The plan the code cache is made on. */
const SAMPLE = path.join(ROOT, 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');

/** Each bundle ({ out: its name in dist/cli without .js, in: its source }): the bin, the command
 * line, then the workers, found by name so that a new one needs no change here. */
function entryPoints() {
  const workers = fs
    .readdirSync(CLI_SRC)
    .filter((name) => name.endsWith('-worker.ts'))
    .sort()
    .map((name) => ({ out: name.replace(/\.ts$/, ''), in: path.join(CLI_SRC, name) }));
  return [{ out: 'main', in: path.join(CLI_SRC, 'bin.ts') }, { out: 'cli', in: path.join(CLI_SRC, 'main.ts') }, ...workers];
}

/** Make cli.js.code-cache beside the bin, in a child process; false (and why on stderr) if not. */
function makeCodeCache(outdir) {
  const bin = path.join(outdir, 'main.js');
  const script = `require(${JSON.stringify(bin)}).makeCodeCache(${JSON.stringify(outdir)}, ${JSON.stringify(SAMPLE)}).catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exitCode = 1; });`;
  try {
    // NODE_OPTIONS cleared: V8 refuses a cache made under other flags than the bin's run.
    execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    return true;
  } catch (e) {
    const why = (e && e.stderr && e.stderr.toString().trim()) || (e && e.message) || String(e);
    process.stderr.write(`build-cli: no code cache (the bin will compile cli.js at each start): ${why.split('\n')[0]}\n`);
    return false;
  }
}

/** Bundle into `outdir`; returns the files written (absolute paths). */
async function buildCli(outdir = path.join(ROOT, 'dist', 'cli')) {
  const esbuild = require('esbuild');
  const entries = entryPoints();
  const result = await esbuild.build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Packages' "module" builds (date-fns, zod) are tree-shaken; "main" would keep all of them.
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    // import() of a package left out becomes require(): the bin compiles cli.js with vm.Script,
    // which has no loader for import() (node 20: only an experimental one, with a warning).
    supported: { 'dynamic-import': false },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const written = Object.keys(result.metafile.outputs).map((f) => path.resolve(ROOT, f));
  const main = path.join(outdir, 'main.js');
  // The entry keeps its "#!/usr/bin/env node" line; make it executable for the package's bin.
  fs.chmodSync(main, 0o755);
  const cache = path.join(outdir, 'cli.js.code-cache');
  fs.rmSync(cache, { force: true });
  if (makeCodeCache(outdir)) written.push(cache);
  return written;
}

module.exports = { buildCli, entryPoints };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--outdir');
  const outdir = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : undefined;
  buildCli(outdir).then(
    (files) => {
      for (const f of files) {
        const kb = Math.round(fs.statSync(f).size / 1024);
        process.stdout.write(`${path.relative(process.cwd(), f)}  ${kb} KiB\n`);
      }
    },
    (e) => {
      process.stderr.write(`${e && e.message ? e.message : e}\n`);
      process.exitCode = 1;
    },
  );
}
