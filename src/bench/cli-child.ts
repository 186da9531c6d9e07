/**
 * exceljs's bare read + write of a workbook, in its own process so that its peak memory is its
 * own — the yardstick the command line is measured against (cli-section.ts):
 *   cli-child <input.xlsx> <output.xlsx>
 * prints {"ms":…,"cpuMs":…,"peakRssMb":…}; ms and cpuMs cover the read and the write only.
 */
import ExcelJS from 'exceljs';
import { applyExceljsPatches } from '../hosts/xlsx/exceljs-patches';

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  // The exceljs the tests use, patched the same way (without the linear merge check, reading a
  // merge-heavy 50,000-row sheet alone takes minutes).
  applyExceljsPatches();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, peakRssMb })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
