#!/usr/bin/env node
/**
 * The command line's bundle: src/cli/main.ts and every worker entry (src/cli/*-worker.ts, each
 * started in its own thread by the CLI) bundled by esbuild into one file each under dist/cli, so
 * that starting `cchc-plan` reads one file instead of resolving and compiling ~200 modules.
 * `npm run build:cli` type-checks first (tsc --noEmit -p tsconfig.cli.json), then runs this.
 *
 *   node scripts/build-cli.js [--outdir <folder>]     (default dist/cli)
 *
 * Packages left outside the bundle, required from node_modules when (and only when) needed:
 * exceljs (only `convert` uses it; big), cli-progress (only with a terminal on stderr), piscina
 * (starts worker threads by file name). The folder must sit inside the project (or an install of
 * the package) so that node_modules is found from it.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CLI_SRC = path.join(ROOT, 'src', 'cli');
// tsx: named by rollup-pool.ts only for running the worker from its .ts source (tests), never from dist.
const EXTERNAL = ['exceljs', 'cli-progress', 'piscina', 'tsx'];

/** main.ts first, then the workers, found by name so that a new one needs no change here. */
function entryPoints() {
  const workers = fs
    .readdirSync(CLI_SRC)
    .filter((name) => name.endsWith('-worker.ts'))
    .sort()
    .map((name) => path.join(CLI_SRC, name));
  return [path.join(CLI_SRC, 'main.ts'), ...workers];
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
