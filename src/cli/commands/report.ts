/**
 * `cchc-plan report <plan.xlsx...> --period <Q1|Q2|H1|Q3|Q4|Y> [--year <YYYY>] [--as-of <dd/mm/yyyy>]
 *                  [--sheet <name>] [--out <OUT.xlsx|DIR>] [--json] [--lang <vi|en>]`   (cli-json.md; `--help`)
 *
 * Each file on its own, as validate: the appendix is analysed as of D (--as-of, else the
 * period's "data to" day), the report is built from it, and with --out the copy gets the
 * tracking block, the highlights and the report sheet. A sheet of the report's name in the
 * input is replaced in the copy (there is nobody to ask on a command line; the input itself is
 * never written). Exit statuses as validate: 0 clean, 1 error-severity issues, 2 not checked.
 * The sheet path is report-sheet.ts, the Word path (--format docx) report-docx.ts.
 */
import { Command } from 'commander';
import { runParsed } from '../args';
import type { CliCommand, CommandContext } from '../command';
import { runEachFile } from '../each-file';
import { reportArgsSchema, type ReportArgs } from '../report-args';
import { docxName, reportAsWord } from '../report-docx';
import { reportIntoCopy } from '../report-sheet';

/** Files at least this big get a progress bar even alone (as validate). */
const BIG_FILE_BYTES = 1_500_000;

export async function runReport(args: ReportArgs, ctx: CommandContext): Promise<number> {
  const word = args.format === 'docx';
  const run = {
    files: args.files,
    out: args.out,
    outOptions: word ? { nameInFolder: docxName, kind: 'document' as const } : {},
    json: args.json,
    lang: args.lang,
    bigFileBytes: BIG_FILE_BYTES,
  };
  return runEachFile(run, ctx.io, (job) => (word ? reportAsWord(job, args) : reportIntoCopy(job, args)));
}

const HELP_AFTER = `
Kỳ báo cáo / periods (bảng kỳ trong thiết lập của sổ tính / the workbook's period table):
  Q1 quý I · Q2 quý II · H1 6 tháng · Q3 quý III · Q4 quý IV · Y năm
  Mặc định --year là năm kế hoạch, --as-of là ngày chốt số liệu của kỳ (Q1: 14/03).
  --year defaults to the plan year, --as-of to the period's cut-off day (Q1: 14 March).

Với --out / with --out:
  Bản ghi ra có khối theo dõi, tô màu và trang báo cáo (ví dụ “BC Quý I-2024”). Nếu tệp đã có
  trang cùng tên, trang đó được thay thế trong bản ghi ra mà không hỏi lại; các trang khác và
  tệp gốc không bị thay đổi. Biểu đồ chỉ được vẽ khi tạo báo cáo trong Excel: ngoài Excel bản
  ghi ra không có biểu đồ.
  The copy gets the tracking block, the highlights and the report sheet (e.g. “BC Quý I-2024”).
  A sheet of that name already in the file is replaced in the copy without asking (a command
  line has nobody to ask); other sheets and the input file are never changed. The chart is drawn
  only when the report is made inside Excel: outside Excel the copy has no chart.
`;

export const reportCommand: CliCommand = {
  name: 'report',
  register(program: Command, ctx: CommandContext) {
    program
      .command('report')
      .description('Lập báo cáo kết quả thực hiện kế hoạch CCHC theo kỳ / build the periodic CCHC report')
      .argument('<plan.xlsx...>', 'tệp kế hoạch / plan workbook(s)')
      .option('--period <Q1|Q2|H1|Q3|Q4|Y>', 'kỳ báo cáo (bắt buộc) / reporting period (required)')
      .option('--year <YYYY>', 'năm báo cáo (mặc định: năm kế hoạch) / report year (default: the plan year)')
      .option('--as-of <dd/mm/yyyy>', 'ngày đánh giá tình trạng, hoặc YYYY-MM-DD (mặc định: ngày chốt số liệu của kỳ) / day the status is judged on, or YYYY-MM-DD (default: the period cut-off)')
      .option('--sheet <name>', 'trang tính chứa phụ lục / sheet holding the appendix')
      .option('--out <OUT.xlsx|OUT.docx|DIR>', 'ghi bản có trang báo cáo, hoặc báo cáo Word / write a copy with the report sheet, or the Word report')
      .option('--format <xlsx|docx>', 'xlsx: bản sao có trang báo cáo (mặc định); docx: báo cáo Word / xlsx: a copy with the report sheet (default); docx: the Word report')
      .option('--json', 'xuất JSON / JSON output')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      .addHelpText('after', HELP_AFTER)
      .action((files: string[], opts: Record<string, unknown>) => runParsed(ctx, reportArgsSchema(ctx.lang).safeParse({ files, ...opts }), runReport));
  },
};
