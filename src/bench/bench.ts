/**
 * `npm run bench` — throughput and memory of the engine and the command line (and of any other
 * section listed below). `npm run bench -- --json` prints one JSON object, one key per section:
 *   {"engine":[{"rows":…,"ms":…}],"cli":{"rows":…,"ms":…,"exceljsMs":…,"peakRssMb":…},
 *    "cliSmallMs":…,"cli200k":{"rows":…,"ms":…,"peakRssMb":…}, …}
 * Options: --only engine,cli,rollup  (run some sections)   --quick  (smaller, for a smoke test)
 *
 * Adding a section: see src/bench/registry.ts — one file, one line in SECTIONS.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { cli200kSection } from './cli-200k-section';
import { cliSection } from './cli-section';
import { cliSmallSection } from './cli-small-section';
import { engineSection } from './engine-section';
import { hostileSection } from './hostile-section';
import { officeSection } from './office';
import { rollupSection } from './rollup-section';
import type { BenchSection } from './registry';

const SECTIONS: BenchSection<any>[] = [engineSection, hostileSection, cliSmallSection, cliSection, cli200kSection, officeSection, rollupSection]; // eslint-disable-line @typescript-eslint/no-explicit-any

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only'));
  const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1] ?? '').split(',').filter(Boolean) : null;
  const chosen = only ? SECTIONS.filter((s) => only.includes(s.name)) : SECTIONS;
  const tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-bench-'));
  const result: Record<string, unknown> = {};
  try {
    for (const section of chosen) {
      const value = await section.run({ tmpDir, quick, log: (line) => process.stderr.write(`${line}\n`) });
      result[section.name] = value;
      if (!json) for (const line of section.describe(value)) process.stdout.write(`${line}\n`);
    }
  } finally {
    await fs.rm(tmpDir, { recursive: true, force: true });
  }
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
