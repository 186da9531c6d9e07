/** Run the CLI in-process and capture what it says. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from '../../src/cli/main';
import { applyExceljsPatches } from '../../src/hosts/xlsx/exceljs-patches';

// The tests read the copies back with exceljs, patched as the project's exceljs code is (internal
// hyperlinks, rule types…). Importing the CLI no longer does it: validate and report never load
// exceljs.
applyExceljsPatches();

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd?: string; today?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    progressStream: undefined,
    cwd: options.cwd ?? process.cwd(),
    today: () => options.today ?? '2024-07-15',
  });
  return { code, stdout, stderr };
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** The JSON lines of stdout. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

/** A failure message as the spec wants it: one sentence on one line, no stack trace. */
export function expectOneSentence(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[.!?:)”]$/);
  expect(stderr).not.toMatch(/\n\s+at\s|Error:|TypeError|undefined/);
}
