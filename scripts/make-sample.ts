/**
 * Writes assets/sample/ke-hoach-cchc-2024.xlsx from its definition (scripts/sample-plan.ts).
 * Run: npx tsx scripts/make-sample.ts
 */
import { promises as fs } from 'fs';
import path from 'path';
import { writeXlsx } from '../src/testing/plans/xlsx';
import { samplePlan, sampleTaskCount } from './sample-plan';

export const SAMPLE_FILE = path.join(__dirname, '..', 'assets', 'sample', 'ke-hoach-cchc-2024.xlsx');

async function main(): Promise<void> {
  await fs.mkdir(path.dirname(SAMPLE_FILE), { recursive: true });
  await writeXlsx(samplePlan(), SAMPLE_FILE);
  console.log(`${path.relative(process.cwd(), SAMPLE_FILE)}: ${sampleTaskCount()} tasks`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
