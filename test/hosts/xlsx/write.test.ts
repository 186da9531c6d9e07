/**
 * The atomic write and the --out lock (src/hosts/xlsx/write.ts, cleanup.ts) on their own, for
 * the conditions the command-line tests (test/cli/file-system.test.ts) cannot make happen at a
 * chosen moment: a disk that fills up in the middle of the bytes, a FIFO put where the copy goes
 * while it is being written, locks left empty or by a process that is gone.
 */
import { execFileSync, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import path from 'path';
import { LOCK_PREFIX, sweepStale, TEMP_PREFIX, TEMP_SUFFIX } from '../../../src/hosts/xlsx/cleanup';
import { acquireOutLock, lockNameFor, targetProblem, tempNameFor, WorkbookWriteError, writeBytesAtomically } from '../../../src/hosts/xlsx/write';
import { tempDir } from '../../cli/helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('cchc-write-');
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const BYTES = Buffer.from('PK\u0003\u0004 a workbook, as far as this test is concerned'.repeat(200));

/** The process id of a process that has ended. */
function goneProcessId(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** Make the temporary file's writeFile write half the bytes and then fail with `code`. */
function failTempWrite(code: string): void {
  const open = fs.open;
  jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    const name = path.basename(String(args[0]));
    if (name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX)) {
      handle.writeFile = async (data: unknown) => {
        const bytes = data as Buffer;
        await handle.write(bytes.subarray(0, bytes.length >> 1));
        throw errno(code);
      };
    }
    return handle;
  });
}

async function expectWriteError(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkbookWriteError);
  expect((error as WorkbookWriteError).code).toBe(code);
}

describe('writeBytesAtomically', () => {
  test.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EACCES', 'not-writable'],
    ['EIO', 'write-failed'],
  ])('%s in the middle of the bytes: %s, the previous file kept, no temporary file left', async (errnoCode, code) => {
    const target = path.join(dir, 'ban-sao.xlsx');
    await fs.writeFile(target, 'the previous copy');
    failTempWrite(errnoCode);
    await expectWriteError(writeBytesAtomically(BYTES, target), code);
    expect(await fs.readFile(target, 'utf8')).toBe('the previous copy');
    expect(await fs.readdir(dir)).toEqual(['ban-sao.xlsx']);
  });

  test('a FIFO put where the copy goes while it is written is not replaced', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    const open = fs.open;
    jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await open(...args);
      if (path.basename(String(args[0])).endsWith(TEMP_SUFFIX)) execFileSync('mkfifo', [target]);
      return handle;
    });
    await expectWriteError(writeBytesAtomically(BYTES, target), 'not-regular');
    expect((await fs.stat(target)).isFIFO()).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['ban-sao.xlsx']);
  });

  test('written whole, over a previous copy, leaving only the copy', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    await fs.writeFile(target, 'the previous copy');
    await writeBytesAtomically(BYTES, target);
    expect((await fs.readFile(target)).equals(BYTES)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['ban-sao.xlsx']);
  });

  test('the temporary name is short whatever the target: a 255-byte target can be written', async () => {
    const target = path.join(dir, `${'ệ'.repeat(83)}a.xlsx`);
    expect(Buffer.byteLength(path.basename(target))).toBe(255);
    expect(Buffer.byteLength(path.basename(tempNameFor(target)))).toBeLessThan(48);
    expect(Buffer.byteLength(path.basename(lockNameFor(target)))).toBeLessThan(48);
    await writeBytesAtomically(BYTES, target);
    expect(await fs.readdir(dir)).toEqual([path.basename(target)]);
  });
});

describe('targetProblem', () => {
  test('what can be written and what cannot', async () => {
    const fifo = path.join(dir, 'ong');
    execFileSync('mkfifo', [fifo]);
    await fs.writeFile(path.join(dir, 'co-san.xlsx'), 'x');
    expect(await targetProblem(path.join(dir, 'moi.xlsx'))).toBeNull();
    expect(await targetProblem(path.join(dir, 'co-san.xlsx'))).toBeNull();
    expect(await targetProblem(dir)).toBe('is-directory');
    expect(await targetProblem(fifo)).toBe('not-regular');
    expect(await targetProblem('/dev/null')).toBe('not-regular');
    expect(await targetProblem(path.join(dir, `${'đ'.repeat(125)}.xlsx`))).toBeNull();
    expect(await targetProblem(path.join(dir, `${'đ'.repeat(125)}a.xlsx`))).toBe('name-too-long');
  });
});

describe('the --out lock', () => {
  test('held: a second taker is refused; released: it can be taken again, and no lock file is left', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    const lock = await acquireOutLock(target);
    await expectWriteError(acquireOutLock(target), 'busy');
    expect(await fs.readFile(lockNameFor(target), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
    expect(await fs.readdir(dir)).toEqual([]);
    const again = await acquireOutLock(target);
    await again.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    await fs.writeFile(lockNameFor(target), `${goneProcessId()}\n`);
    const lock = await acquireOutLock(target);
    expect(await fs.readFile(lockNameFor(target), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  test('an empty lock is being created (busy) until it is too old to be', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    const file = lockNameFor(target);
    await fs.writeFile(file, '');
    await expectWriteError(acquireOutLock(target), 'busy');
    const longAgo = new Date(Date.now() - 60_000);
    await fs.utimes(file, longAgo, longAgo);
    const lock = await acquireOutLock(target);
    await lock.release();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('no room for the lock\'s content: the lock is given up, no empty lock file left', async () => {
    const target = path.join(dir, 'ban-sao.xlsx');
    const open = fs.open;
    jest.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await open(...args);
      if (path.basename(String(args[0])).startsWith(LOCK_PREFIX)) handle.writeFile = async () => Promise.reject(errno('ENOSPC'));
      return handle;
    });
    const lock = await acquireOutLock(target);
    expect(await fs.readdir(dir)).toEqual([]);
    await lock.release();
  });
});

describe('sweepStale', () => {
  test('removes the leftovers of processes that are gone, and nothing else', async () => {
    const gone = goneProcessId();
    const names = {
      goneTemp: `${TEMP_PREFIX}${gone}-0a1b2c${TEMP_SUFFIX}`,
      liveTemp: `${TEMP_PREFIX}1-0a1b2c${TEMP_SUFFIX}`,
      goneLock: `${LOCK_PREFIX}00112233aabbccdd`,
      liveLock: `${LOCK_PREFIX}44556677aabbccdd`,
      user: `${TEMP_PREFIX}notes.txt`,
      copy: 'ban-sao.xlsx',
    };
    await fs.writeFile(path.join(dir, names.goneTemp), 'half');
    await fs.writeFile(path.join(dir, names.liveTemp), 'half');
    await fs.writeFile(path.join(dir, names.goneLock), `${gone}\n`);
    await fs.writeFile(path.join(dir, names.liveLock), '1\n');
    await fs.writeFile(path.join(dir, names.user), 'the user\'s own');
    await fs.writeFile(path.join(dir, names.copy), 'a copy');
    await sweepStale(dir);
    expect((await fs.readdir(dir)).sort()).toEqual([names.liveTemp, names.liveLock, names.user, names.copy].sort());
  });
});
