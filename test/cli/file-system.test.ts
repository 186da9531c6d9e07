/**
 * The file system as a hostile or unlucky user meets it, through the real command line: device
 * nodes, FIFOs and folders where a workbook or a copy is expected, a run stopped by a signal
 * while it writes, a name at the 255-byte limit, two runs on one --out, a full disk and a
 * read-only folder. In every case: one sentence, the exit status, nothing half-written left in
 * the folder, and the input never written.
 *
 * Runs that must be signalled or raced are separate processes of the bundled CLI (built here as
 * test/cli/bin.test.ts builds it). A preload holds such a run at the last step of its write —
 * the complete temporary file is there, not yet renamed over the target — until the test lets it
 * go, so that "a signal during a write" and "a second run while the first writes" happen at that
 * moment every time rather than when a race happens to allow it.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { TEMP_PREFIX, TEMP_SUFFIX } from '../../src/hosts/xlsx/cleanup';
import { ZipArchive } from '../../src/hosts/xlsx/zip/archive';
import { syntheticPlan } from '../../src/testing/plans';
import { writeXlsxStream } from '../../src/testing/plans/xlsx';
import { expectOneSentence, jsonLines, runCli, tempDir } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require('../../scripts/build-cli.js') as { buildCli(outdir: string): Promise<string[]> };

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', `file-system-${process.pid}`);
const BIN = path.join(OUT, 'main.js');
const HOLD = path.join(OUT, 'hold-write.js');
const AS_OF = ['--as-of', '15/07/2024'];

let dir: string;
/** A small plan, and one of a few thousand rows (a copy of a few hundred KB). */
let small: string;
let large: string;
/** Every input a test reads, as it was before (the shared ones, and each test's own copies). */
const before = new Map<string, Snapshot>();

interface Snapshot {
  sha: string;
  mtimeMs: number;
}

async function snapshot(file: string): Promise<Snapshot> {
  const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
  return { sha: createHash('sha256').update(bytes).digest('hex'), mtimeMs: stat.mtimeMs };
}

beforeAll(async () => {
  await buildCli(OUT);
  // Holds a write at its rename until the file named by CCHC_TEST_GO exists (see the top).
  await fs.writeFile(
    HOLD,
    `const fs = require('fs');
const path = require('path');
const go = process.env.CCHC_TEST_GO;
const rename = fs.promises.rename;
fs.promises.rename = async function (from, to) {
  if (go && path.basename(String(from)).startsWith(${JSON.stringify(TEMP_PREFIX)})) {
    while (!fs.existsSync(go)) await new Promise((r) => setTimeout(r, 10));
  }
  return rename.call(this, from, to);
};
`,
  );
  dir = await tempDir('cchc-fs-');
  small = path.join(dir, 'ke-hoach.xlsx');
  large = path.join(dir, 'ke-hoach-lon.xlsx');
  await writeXlsxStream(syntheticPlan(40).sheet, small);
  await writeXlsxStream(syntheticPlan(3000).sheet, large);
  before.set(small, await snapshot(small));
  before.set(large, await snapshot(large));
}, 120_000);

afterAll(async () => {
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every test ends with its inputs as they were: same bytes, never even rewritten (mtime). */
afterEach(async () => {
  for (const [file, was] of before) {
    expect(await snapshot(file)).toEqual(was);
    if (file !== small && file !== large) before.delete(file);
  }
});

/** A fresh folder holding a copy of `input` (its own folder, so that its listing says everything). */
async function folderWith(input: string): Promise<{ folder: string; file: string }> {
  const folder = await fs.mkdtemp(path.join(dir, 'run-'));
  const file = path.join(folder, path.basename(input));
  await fs.copyFile(input, file);
  before.set(file, await snapshot(file));
  return { folder, file };
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs started by a test: one still running when its test ends (a failed test) is killed. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Start the bundled CLI; `go` (a path) holds its write until that file exists. */
function start(args: string[], cwd: string, go?: string): { child: ChildProcess; exit: Promise<Exit> } {
  const env = { ...process.env, CCHC_DEBUG: '', ...(go ? { CCHC_TEST_GO: go } : {}) };
  const child = spawn(process.execPath, [...(go ? ['--require', HOLD] : []), BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  running.add(child);
  const exit = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, exit };
}

/** Run the bundled CLI to its end; a run that does not end within `ms` is killed and fails the test. */
async function bin(args: string[], cwd: string, ms = 20_000): Promise<Exit> {
  const { child, exit } = start(args, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const result = await exit;
  clearTimeout(timer);
  if (result.signal === 'SIGKILL') throw new Error(`cchc-plan ${args.join(' ')} did not end within ${ms} ms`);
  return result;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const tempsIn = async (folder: string) => (await fs.readdir(folder)).filter((n) => n.startsWith(TEMP_PREFIX) && n.endsWith(TEMP_SUFFIX));

/** A copy that is whole: a zip whose every part inflates to its declared size, with a workbook. */
async function expectCompleteCopy(file: string): Promise<void> {
  const zip = new ZipArchive(await fs.readFile(file));
  expect(zip.find('[Content_Types].xml')).toBeDefined();
  expect(zip.find('xl/workbook.xml')).toBeDefined();
  for (const entry of zip.entries) expect(zip.read(entry, 1 << 30).length).toBe(entry.uncompressedSize);
}

describe('device nodes, FIFOs and folders', () => {
  test.each(['/dev/null', '/dev/full'])('--out %s: refused in one sentence, the device left a device', async (device) => {
    const was = await fs.stat(device);
    const result = await runCli(['validate', small, '--out', device, ...AS_OF, '--lang', 'en']);
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toContain(`“${device}”`);
    expect(result.stderr).toMatch(/not a regular file/);
    const now = await fs.stat(device);
    expect(now.isCharacterDevice()).toBe(true);
    expect(now.rdev).toBe(was.rdev);
    expect(await tempsIn('/dev')).toEqual([]);
  });

  test('--out naming a link to /dev/null: refused, the link and the device kept', async () => {
    const { folder } = await folderWith(small);
    await fs.symlink('/dev/null', path.join(folder, 'ban-sao.xlsx'));
    const result = await runCli(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF, '--lang', 'en'], { cwd: folder });
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(/^Cannot write “ban-sao\.xlsx”: it is not a regular file/);
    expect(await fs.readlink(path.join(folder, 'ban-sao.xlsx'))).toBe('/dev/null');
    expect((await fs.stat('/dev/null')).isCharacterDevice()).toBe(true);
    expect((await fs.readdir(folder)).sort()).toEqual(['ban-sao.xlsx', 'ke-hoach.xlsx']);
  });

  test('report --out /dev/null --json: one JSON object with the error, the device untouched', async () => {
    const result = await runCli(['report', small, '--period', 'Q1', '--year', '2024', '--out', '/dev/null', '--json']);
    expect(result.code).toBe(2);
    const lines = jsonLines(result.stdout) as { file: string; error?: { code: string; message: string } }[];
    expect(lines).toHaveLength(1);
    expect(lines[0].error?.code).toBe('write-failed');
    expect((await fs.stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  test('a FIFO as input is refused at once (never waits for a writer), in one sentence', async () => {
    const { folder } = await folderWith(small);
    execFileSync('mkfifo', [path.join(folder, 'ong.xlsx')]);
    const result = await bin(['validate', 'ong.xlsx', ...AS_OF, '--lang', 'en'], folder);
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toBe('“ong.xlsx” is not a regular file (a device, FIFO or socket), not an Excel file.\n');
  });

  test('a FIFO as --out is refused at once and stays a FIFO', async () => {
    const { folder } = await folderWith(small);
    const fifo = path.join(folder, 'ban-sao.xlsx');
    execFileSync('mkfifo', [fifo]);
    const result = await bin(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF], folder);
    expect(result.code).toBe(2);
    expectOneSentence(result.stderr);
    expect(result.stderr).toMatch(/^Không ghi được “ban-sao\.xlsx”: đó không phải là một tệp thông thường/);
    expect((await fs.stat(fifo)).isFIFO()).toBe(true);
    expect((await fs.readdir(folder)).sort()).toEqual(['ban-sao.xlsx', 'ke-hoach.xlsx']);
  });

  test('a folder as input is called a folder, not a device', async () => {
    const { folder } = await folderWith(small);
    await fs.mkdir(path.join(folder, 'thu-muc.xlsx'));
    for (const [lang, folderWord, deviceWord] of [
      ['en', /is a folder/, /device/],
      ['vi', /là một thư mục/, /thiết bị/],
    ] as const) {
      const result = await runCli(['validate', 'thu-muc.xlsx', ...AS_OF, '--lang', lang], { cwd: folder });
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
      expect(result.stderr).toMatch(folderWord);
      expect(result.stderr).not.toMatch(deviceWord);
    }
  });

  test('/dev/zero as input is not called a folder, and is not read (it never ends)', async () => {
    for (const [lang, deviceWord, folderWord] of [
      ['en', /not a regular file \(a device/, /folder/],
      ['vi', /không phải là tệp thông thường \(thiết bị/, /thư mục/],
    ] as const) {
      const result = await bin(['validate', '/dev/zero', ...AS_OF, '--lang', lang], dir);
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
      expect(result.stderr).toMatch(deviceWord);
      expect(result.stderr).not.toMatch(folderWord);
    }
  });
});

describe('a run stopped while it writes', () => {
  test.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('%s: the process ends by that signal, leaving no temporary file, no lock and no copy', async (signal) => {
    const { folder } = await folderWith(large);
    const go = path.join(OUT, `go-${signal}`);
    const { child, exit } = start(['validate', 'ke-hoach-lon.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF, '--json'], folder, go);
    const [temp] = await waitFor('the temporary copy', async () => {
      const found = await tempsIn(folder);
      return found.length > 0 ? found : null;
    });
    // The process is inside the write: the temporary copy and the lock are there, the copy not yet.
    expect((await fs.readdir(folder)).sort()).toEqual(expect.arrayContaining([temp, 'ke-hoach-lon.xlsx']));
    expect(await fs.readdir(folder)).not.toContain('ban-sao.xlsx');
    child.kill(signal);
    const result = await exit;
    expect(result.signal).toBe(signal);
    expect(result.stderr).not.toMatch(/\n\s+at\s|Error:/);
    expect(await fs.readdir(folder)).toEqual(['ke-hoach-lon.xlsx']);
  });

  test.each([
    ['the same --out', 'ban-sao.xlsx'],
    ['another --out in that folder', 'ban-sao-khac.xlsx'],
  ])('SIGKILL leaves the temporary file; the next run writing %s removes it and the stale lock', async (_label, next) => {
    const { folder } = await folderWith(small);
    const go = path.join(OUT, `go-kill-${next}`);
    const { child, exit } = start(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF], folder, go);
    await waitFor('the temporary copy', async () => ((await tempsIn(folder)).length > 0 ? true : null));
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    const left = await fs.readdir(folder);
    expect(left.filter((n) => n.startsWith(TEMP_PREFIX))).toHaveLength(2); // the temporary copy and the lock
    expect(left).not.toContain('ban-sao.xlsx');

    const again = await bin(['validate', 'ke-hoach.xlsx', '--out', next, ...AS_OF, '--lang', 'en'], folder);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`Checked copy saved: ${next}`);
    expect((await fs.readdir(folder)).sort()).toEqual([next, 'ke-hoach.xlsx'].sort());
    await expectCompleteCopy(path.join(folder, next));
  });
});

describe('names at the limit', () => {
  // "đ" is two bytes in UTF-8: 125 of them and ".xlsx" make 255 bytes, the most a name may hold.
  const name255 = `${'đ'.repeat(125)}.xlsx`;
  const name256 = `${'đ'.repeat(125)}a.xlsx`;

  test('a copy named with 255 bytes is written (the temporary name does not grow with it)', async () => {
    expect(Buffer.byteLength(name255)).toBe(255);
    const { folder } = await folderWith(small);
    const result = await runCli(['validate', 'ke-hoach.xlsx', '--out', name255, ...AS_OF], { cwd: folder });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect((await fs.readdir(folder)).sort()).toEqual(['ke-hoach.xlsx', name255].sort());
    await expectCompleteCopy(path.join(folder, name255));
  });

  test('a 255-byte input copied into a folder keeps its name', async () => {
    const { folder, file } = await folderWith(small);
    await fs.rename(file, path.join(folder, name255));
    before.set(path.join(folder, name255), before.get(file)!);
    before.delete(file);
    await fs.mkdir(path.join(folder, 'out'));
    const result = await runCli(['validate', name255, '--out', 'out', ...AS_OF], { cwd: folder });
    expect(result.code).toBe(1);
    expect(await fs.readdir(path.join(folder, 'out'))).toEqual([name255]);
  });

  test('256 bytes: one sentence saying the name is too long, before any work, nothing left behind', async () => {
    expect(Buffer.byteLength(name256)).toBe(256);
    const { folder } = await folderWith(small);
    for (const [lang, reason] of [
      ['en', /the file name is too long \(at most 255 bytes/],
      ['vi', /tên tệp quá dài \(tối đa 255 byte/],
    ] as const) {
      const result = await runCli(['validate', 'ke-hoach.xlsx', '--out', name256, ...AS_OF, '--lang', lang], { cwd: folder });
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
      expect(result.stderr).toMatch(reason);
      // Refused before the check: nothing about the plan was printed.
      expect(result.stdout).toBe('');
    }
    expect(await fs.readdir(folder)).toEqual(['ke-hoach.xlsx']);
  });
});

describe('two runs on one --out', () => {
  test('while one writes, the other is refused in one sentence; only one says "saved"', async () => {
    const { folder } = await folderWith(small);
    const go = path.join(OUT, 'go-two');
    const first = start(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF, '--lang', 'en'], folder, go);
    await waitFor('the first run\'s temporary copy', async () => ((await tempsIn(folder)).length > 0 ? true : null));

    const second = await runCli(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF, '--lang', 'en'], { cwd: folder });
    expect(second.code).toBe(2);
    expectOneSentence(second.stderr);
    expect(second.stderr).toBe('Cannot write “ban-sao.xlsx”: another cchc-plan run is writing this file; wait for it to finish or choose another name.\n');
    expect(second.stdout).toBe('');

    const secondJson = await runCli(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF, '--json'], { cwd: folder });
    expect(secondJson.code).toBe(2);
    expect(jsonLines(secondJson.stdout)).toEqual([{ file: 'ke-hoach.xlsx', error: { code: 'write-failed', message: expect.stringContaining('một lệnh cchc-plan khác đang ghi') } }]);
    // The lock is the target's, whatever the command.
    const report = await runCli(['report', 'ke-hoach.xlsx', '--period', 'Q2', '--year', '2024', '--out', 'ban-sao.xlsx', ...AS_OF, '--lang', 'en'], { cwd: folder });
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/another cchc-plan run is writing this file/);
    expect(await fs.readdir(folder)).not.toContain('ban-sao.xlsx');

    await fs.writeFile(go, '');
    const done = await first.exit;
    expect(done.code).toBe(1);
    const saved = `${done.stdout}${second.stdout}${secondJson.stdout}${report.stdout}`.match(/saved|written/gi) ?? [];
    expect(saved).toHaveLength(1);
    expect((await fs.readdir(folder)).sort()).toEqual(['ban-sao.xlsx', 'ke-hoach.xlsx']);
    await expectCompleteCopy(path.join(folder, 'ban-sao.xlsx'));

    // Once the first has finished, the target is free again.
    const later = await runCli(['validate', 'ke-hoach.xlsx', '--out', 'ban-sao.xlsx', ...AS_OF], { cwd: folder });
    expect(later.code).toBe(1);
  });
});

describe('a full disk and a read-only folder', () => {
  /** A 256 KB tmpfs to fill, when this process may mount one (root in a container, as in CI
   * here); otherwise the same runs meet the same errors injected into the file system calls. */
  let folder: string;
  let mounted = false;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(dir, 'small-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', folder], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  });

  afterAll(() => {
    if (mounted) execFileSync('umount', [folder]);
  });

  afterEach(() => jest.restoreAllMocks());

  /** Errors as the file system gives them, for the temporary file (disk full) or the folder. */
  function errno(code: string): NodeJS.ErrnoException {
    return Object.assign(new Error(`${code}: injected`), { code });
  }

  async function fillDisk(leave: number): Promise<void> {
    const { bavail, bsize } = await fs.statfs(folder);
    const free = bavail * bsize;
    const filler = path.join(folder, `filler-${leave}`);
    await fs.writeFile(filler, Buffer.alloc(Math.max(0, free - leave)));
  }

  /** The disk fills up while the copy is written: real when mounted, else injected at that write. */
  async function makeDiskFull(leave: number): Promise<void> {
    if (mounted) return fillDisk(leave);
    const open = fs.open;
    jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await open(...args);
      const name = path.basename(String(args[0]));
      if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) return handle;
      // Half the bytes reach the disk, then there is no room for the rest.
      handle.writeFile = async (data: unknown) => {
        const bytes = data as Buffer;
        await handle.write(bytes.subarray(0, bytes.length >> 1));
        throw errno('ENOSPC');
      };
      return handle;
    });
  }

  test('disk full: one sentence naming the reason; the previous copy kept as it was; nothing else left', async () => {
    const target = path.join(folder, 'ban-sao.xlsx');
    const first = await runCli(['validate', small, '--out', target, ...AS_OF]);
    expect(first.code).toBe(1);
    const previous = await snapshot(target);
    const listing = (await fs.readdir(folder)).sort();

    await makeDiskFull(4096);
    for (const [lang, reason] of [
      ['en', /^Cannot write “.*ban-sao\.xlsx”: the disk is full; free some space and run again/],
      ['vi', /^Không ghi được “.*ban-sao\.xlsx”: ổ đĩa đã đầy/],
    ] as const) {
      const result = await runCli(['validate', small, '--out', target, ...AS_OF, '--lang', lang]);
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
      expect(result.stderr).toMatch(reason);
      expect(await snapshot(target)).toEqual(previous);
      expect((await fs.readdir(folder)).filter((n) => !n.startsWith('filler-'))).toEqual(listing);
    }
    // Not even room for the lock's few bytes: still the same sentence, and no empty lock left.
    if (mounted) {
      await fillDisk(0);
      const result = await runCli(['validate', small, '--out', path.join(folder, 'khac.xlsx'), ...AS_OF, '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/the disk is full/);
      expect((await fs.readdir(folder)).filter((n) => !n.startsWith('filler-'))).toEqual(listing);
    }
  });

  test('a read-only folder: one sentence naming the reason, nothing written', async () => {
    const target = path.join(folder, 'chi-doc.xlsx');
    const listing = (await fs.readdir(folder)).sort();
    if (mounted) execFileSync('mount', ['-o', 'remount,ro', folder]);
    else jest.spyOn(fs, 'access').mockRejectedValue(errno('EROFS'));
    try {
      const result = await runCli(['validate', small, '--out', target, ...AS_OF, '--lang', 'en']);
      expect(result.code).toBe(2);
      expectOneSentence(result.stderr);
      expect(result.stderr).toMatch(/^Cannot write “.*chi-doc\.xlsx”: no permission to write in that folder\.$/m);
      expect((await fs.readdir(folder)).sort()).toEqual(listing);
    } finally {
      if (mounted) execFileSync('mount', ['-o', 'remount,rw', folder]);
    }
  });
});
