#!/usr/bin/env node
/**
 * `npm run demo`: checks the bundled sample plan with the command line, as a user would, and
 * writes the checked copy into ./out/. No Excel needed: open the copy in Excel or LibreOffice
 * to see the tracking columns (Tình trạng, Ngày hoàn thành, Kết quả thực hiện, Hạn chót,
 * Kiểm tra) and the highlighted rows.
 *
 * The sample is a 2024 plan, so it is checked as of a fixed day in that year (15/10/2024, a
 * month into the fourth quarter's data period, 15/09–14/12) rather than today: as of today every
 * task not marked done would be overdue. The demo says so before the results, and the day is
 * fixed in the copy's "Tính đến ngày" cell, so the copy's highlights agree with the results.
 */
const fs = require('fs');
const path = require('path');
const { run } = require('../dist/cli/main.js');

const root = path.join(__dirname, '..');
const sample = path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx');
const out = path.join('out', 'ke-hoach-cchc-2024-da-kiem-tra.xlsx');
const asOf = '15/10/2024';

async function main() {
  fs.mkdirSync(path.join(root, 'out'), { recursive: true });
  const argv = ['validate', sample, '--as-of', asOf, '--out', out];
  process.stdout.write(
    'Mẫu là kế hoạch CCHC năm 2024, nên được kiểm tra tính đến ngày 15/10/2024 (giữa kỳ số liệu quý IV,\n' +
      '15/09–14/12/2024) chứ không phải hôm nay: tính đến hôm nay, mọi nhiệm vụ chưa ghi “Hoàn thành” đều đã quá hạn.\n' +
      'Ngày này được ghi cố định vào ô “Tính đến ngày” của bản sao, nên phần tô màu khớp với kết quả dưới đây.\n' +
      'The sample is a 2024 plan, so it is checked as of 15/10/2024 (a month into the fourth quarter\'s data\n' +
      'period, 15/09–14/12/2024), not today: as of today every task not marked done would be overdue.\n' +
      'The day is fixed in the copy\'s “Tính đến ngày” (as-of) cell, so its highlights agree with these results.\n\n',
  );
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
      'Để tô màu theo ngày hiện tại, đổi ô “Tính đến ngày” thành =TODAY() (hoặc chọn “Hôm nay” trong ngăn tác vụ).\n' +
      'For highlights as of the current date, put =TODAY() in that cell (or choose “Today” in the task pane).\n' +
      `(mã thoát / exit status of the check: ${code} — 1 means errors were found in the plan)\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
