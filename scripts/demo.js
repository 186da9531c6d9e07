#!/usr/bin/env node
/**
 * `npm run demo`: checks the bundled sample plan with the command line, as a user would, and
 * writes the checked copy into ./out/. No Excel needed: open the copy in Excel or LibreOffice
 * to see the tracking columns (Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Hạn chót,
 * Kiểm tra) and the highlighted rows.
 *
 * The sample is a 2024 plan, so it is checked as of a fixed day in that year (mid-October,
 * when the third-quarter report is due) rather than today.
 */
const fs = require('fs');
const path = require('path');
const { run } = require('../dist/cli/main.js');

const root = path.join(__dirname, '..');
const sample = path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
const out = path.join('out', 'ke-hoach-cchc-2024-da-kiem-tra.xlsx');
const asOf = '2024-10-15';

async function main() {
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  const argv = ['validate', sample, '--as-of', asOf, '--out', out];
  process.stdout.write(`$ cchc-plan ${argv.join(' ')}\n\n`);
  const code = await run(argv, { cwd: root });
  if (code === 2) {
    process.exitCode = 2;
    return;
  }
  process.stdout.write(
    `\nBản đã kiểm tra / checked copy: ${path.join(root, out)}\n` +
      'Mở bằng Excel hoặc LibreOffice Calc để xem các cột theo dõi và các dòng được tô màu.\n' +
      'Open it in Excel or LibreOffice Calc to see the tracking columns and the highlighted rows.\n' +
      `(mã thoát / exit status of the check: ${code} — 1 means errors were found in the plan)\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
