/**
 * One measured job in its own process, so its peak memory is its own:
 *   cli-child <cli|exceljs> <input.xlsx> <output.xlsx>
 * prints {"ms":…,"peakRssMb":…}. "cli" = `cchc-plan validate input --out output --json`
 * (read + analyse + write); "exceljs" = exceljs alone reading and writing the same file.
 */
import ExcelJS from 'exceljs';
import { run } from '../cli/main';
import { applyExceljsPatches } from '../hosts/xlsx/exceljs-patches';

async function main(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  let ms: number;
  let exitCode = 0;
  if (mode === 'cli') {
    const t = performance.now();
    exitCode = await run(['validate', input, '--out', output, '--json', '--as-of', '2024-07-15'], { stdout: () => undefined, stderr: (s) => process.stderr.write(s), progressStream: undefined });
    ms = performance.now() - t;
  } else {
    // The same exceljs the CLI uses, patched the same way (without the linear merge check,
    // reading a merge-heavy 50,000-row sheet alone takes minutes).
    applyExceljsPatches();
    const t = performance.now();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    await workbook.xlsx.writeFile(output);
    ms = performance.now() - t;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakRssMb, exitCode })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
