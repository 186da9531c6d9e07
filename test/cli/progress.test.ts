/** Long runs show progress on stderr when it is a terminal, and only then. */
import { promises as fs } from 'fs';
import path from 'path';
import { Writable } from 'stream';
import { run } from '../../src/cli/main';
import { makeProgress } from '../../src/cli/progress';
import { writeXlsx } from '../../src/testing/plans/xlsx';
import { planWorkbook } from '../hosts/xlsx/fixtures/plan-tnmt';
import { tempDir } from './helpers';

function fakeTerminal(): { stream: NodeJS.WritableStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += chunk.toString();
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number };
  stream.isTTY = true;
  stream.columns = 120;
  return { stream, text: () => written };
}

test('several files: a progress bar on the terminal naming each file; stdout and stderr stay clean', async () => {
  const dir = await tempDir('cchc-progress-');
  try {
    await writeXlsx(planWorkbook(), path.join(dir, 'don-vi-a.xlsx'));
    await writeXlsx(planWorkbook(), path.join(dir, 'don-vi-b.xlsx'));
    const terminal = fakeTerminal();
    let stdout = '';
    let stderr = '';
    const code = await run(['validate', 'don-vi-a.xlsx', 'don-vi-b.xlsx', '--json', '--as-of', '2024-07-15'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      progressStream: terminal.stream,
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(terminal.text()).toContain('don-vi-b.xlsx');
    expect(terminal.text()).toMatch(/\d+\/4/);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stdout).not.toContain('\u001b[');
    expect(stderr).toBe('');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('one small file: no progress bar even on a terminal', async () => {
  const dir = await tempDir('cchc-progress-');
  try {
    await writeXlsx(planWorkbook(), path.join(dir, 'mot.xlsx'));
    const terminal = fakeTerminal();
    await run(['validate', 'mot.xlsx', '--as-of', '2024-07-15'], { stdout: () => undefined, stderr: () => undefined, progressStream: terminal.stream, cwd: dir });
    expect(terminal.text()).toBe('');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a line printed in pieces is not broken by the bar: it is drawn again once the line ends', async () => {
  const terminal = fakeTerminal();
  const progress = await makeProgress(terminal.stream, 2, 'vi');
  const out = progress.around((text) => terminal.stream.write(text));
  progress.file('lon.xlsx', 2);
  progress.stage('read');
  const before = terminal.text().length;
  out('{"rows":[1,');
  out('2,3]');
  const midLine = terminal.text().slice(before);
  out('}\n');
  const after = terminal.text().slice(before);
  progress.done();
  // Between the pieces, nothing but the pieces (the bar was cleared before the first).
  expect(midLine).toBe('\r\u001b[2K{"rows":[1,2,3]');
  expect(after.startsWith('\r\u001b[2K{"rows":[1,2,3]}\n')).toBe(true);
  expect(after.slice('\r\u001b[2K{"rows":[1,2,3]}\n'.length)).toContain('lon.xlsx');
});
