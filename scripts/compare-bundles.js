#!/usr/bin/env node
/**
 * Proof that a change to the command line changes no output (used for the speed work of
 * 2026-12-02, docs/decisions.md "Speed of a large run"): runs two builds of the bin on every
 * workbook of a folder with several commands, and compares exit status, stdout, stderr (temp
 * paths masked) and every part of each written copy (names, order, uncompressed bytes; the
 * compressed bytes and time stamps may differ).
 *
 *   node scripts/build-cli.js --outdir <project>/dist/base     (before the change)
 *   node scripts/build-cli.js                                  (after it)
 *   node scripts/compare-bundles.js dist/base/main.js dist/cli/main.js <folder> [--quick]
 *
 * A bin must sit inside the project (node_modules is found from it). Exit status 1 when any
 * run differs. --quick: validate only (two commands per workbook instead of four).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

/** Every entry of a zip, from its central directory: name, method, uncompressed bytes. */
function parts(file) {
  const b = fs.readFileSync(file);
  const out = [];
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    const offset = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const start = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
    const raw = b.subarray(start, start + size);
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : raw });
    at += 46 + skip;
  }
  return out;
}

function runBin(bin, args, cwd) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, maxBuffer: 1 << 30, encoding: 'buffer' });
  const mask = (s) => s.toString('utf8').split(cwd).join('<DIR>');
  return { status: r.status, stdout: mask(r.stdout), stderr: mask(r.stderr) };
}

const OUT = '<OUT>';
function commands(file, quick) {
  const all = [
    ['validate', file, '--out', OUT, '--json', '--as-of', '2024-07-15'],
    ['validate', file, '--out', OUT, '--as-of', '2024-03-31', '--lang', 'en'],
    ['report', file, '--period', 'Q2', '--out', OUT, '--json'],
    ['report', file, '--period', 'Y', '--year', '2024', '--as-of', '2025-01-10', '--out', OUT],
  ];
  return quick ? all.slice(0, 2) : all;
}

/** One command by one bin, in a fresh folder: what it said and the parts of its copy. */
function outcome(bin, command, ext) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-bundles-'));
  try {
    const out = path.join(dir, `copy${ext}`);
    const r = runBin(bin, command.map((a) => (a === OUT ? out : a)), dir);
    return { ...r, parts: fs.existsSync(out) ? parts(out) : null };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function differences(a, b) {
  const found = [];
  if (a.status !== b.status) found.push(`exit status ${a.status} vs ${b.status}`);
  if (a.stdout !== b.stdout) found.push(`stdout differs (${a.stdout.length} vs ${b.stdout.length} characters)`);
  if (a.stderr !== b.stderr) found.push(`stderr differs: ${JSON.stringify(a.stderr.slice(0, 200))} vs ${JSON.stringify(b.stderr.slice(0, 200))}`);
  if (!!a.parts !== !!b.parts) found.push(`copy written: ${!!a.parts} vs ${!!b.parts}`);
  else if (a.parts) {
    if (a.parts.map((p) => p.name).join() !== b.parts.map((p) => p.name).join()) found.push('part names or order differ');
    for (const p of a.parts) {
      const q = b.parts.find((x) => x.name === p.name);
      if (q && !p.data.equals(q.data)) found.push(`part ${p.name} differs`);
    }
  }
  return found;
}

function main() {
  const [base, next, folder] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!base || !next || !folder) {
    process.stderr.write('usage: node scripts/compare-bundles.js <base bin> <new bin> <folder of workbooks> [--quick]\n');
    return 2;
  }
  const quick = process.argv.includes('--quick');
  const files = fs.readdirSync(folder).filter((f) => /\.xls[xm]$/i.test(f)).sort();
  let runs = 0;
  let differing = 0;
  for (const file of files) {
    const ext = path.extname(file);
    for (const command of commands(path.resolve(folder, file), quick)) {
      runs++;
      const found = differences(outcome(path.resolve(base), command, ext), outcome(path.resolve(next), command, ext));
      const label = `${command[0]} ${file} ${command.slice(2).filter((a) => a !== OUT).join(' ')}`;
      if (found.length > 0) differing++;
      process.stdout.write(found.length > 0 ? `DIFF ${label}\n  ${found.join('\n  ')}\n` : `same ${label}\n`);
    }
  }
  process.stdout.write(`${runs} runs, ${differing} with differences\n`);
  return differing > 0 ? 1 : 0;
}

process.exitCode = main();
