/**
 * README's command-line synopsis is what `cchc-plan --help` prints (issue 11: they had drifted —
 * `<plan.xlsx>` against `<plan.xlsx...>`, `OUT.xlsx` against `OUT.xlsx|DIR`). The help's
 * synopsis is made from the commands commander knows (src/cli/synopsis.ts), so this also holds
 * README to every argument and option the CLI accepts.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { SYNOPSIS_HEADING } from '../../src/cli/synopsis';
import { runCli } from './helpers';

const ROOT = path.join(__dirname, '..', '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CLI_JSON = readFileSync(path.join(ROOT, 'docs', 'cli-json.md'), 'utf8');

/** The first ```sh block of README's "## Command line" section. */
function readmeSynopsis(): string {
  const section = README.slice(README.indexOf('\n## Command line'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README has no sh block under "## Command line"');
  return block[1].trimEnd();
}

/** docs/cli-json.md's first code block. */
function cliJsonSynopsis(): string {
  const block = /```\n(cchc-plan [\s\S]*?)```/.exec(CLI_JSON);
  if (!block) throw new Error('docs/cli-json.md has no synopsis block');
  return block[1].trimEnd();
}

async function helpSynopsis(): Promise<string> {
  const help = await runCli(['--help']);
  expect(help.code).toBe(0);
  const at = help.stdout.indexOf(`${SYNOPSIS_HEADING}\n`);
  expect(at).toBeGreaterThan(0);
  return help.stdout.slice(at + SYNOPSIS_HEADING.length + 1).trimEnd();
}

test('README’s synopsis (and docs/cli-json.md’s) equals the one `cchc-plan --help` prints', async () => {
  const help = await helpSynopsis();
  expect(readmeSynopsis()).toBe(help);
  expect(cliJsonSynopsis()).toBe(help);
});

test('the synopsis names every command, each argument as it is parsed and every option', async () => {
  const synopsis = await helpSynopsis();
  const entries = new Map(synopsis.split(/\n(?=cchc-plan )/).map((e) => [e.split(/\s+/)[1], e.replace(/\s+/g, ' ')]));
  const [validate, report, convert] = ['validate', 'report', 'convert'].map((name) => entries.get(name));
  expect(validate).toBe('cchc-plan validate <plan.xlsx...> [--sheet <name>] [--as-of <dd/mm/yyyy>] [--plan-year <YYYY>] [--out <OUT.xlsx|DIR>] [--json] [--lang <vi|en>]');
  // Several files, a required period, a folder for several copies.
  expect(report).toBe('cchc-plan report <plan.xlsx...> --period <Q1|Q2|H1|Q3|Q4|Y> [--year <YYYY>] [--as-of <dd/mm/yyyy>] [--sheet <name>] [--out <OUT.xlsx|OUT.docx|DIR>] [--format <xlsx|docx>] [--json] [--lang <vi|en>]');
  expect(convert).toBe('cchc-plan convert <in.xlsx> --out <out.xlsx> [--lang <vi|en>]');
  for (const line of synopsis.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
});

test('convert still takes one file, and says so in one sentence', async () => {
  const result = await runCli(['convert', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx']);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('Lệnh convert chuyển từng tệp một: hãy cho đúng một tệp .xlsx.\n');
});
