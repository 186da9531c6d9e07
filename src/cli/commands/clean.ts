/**
 * `cchc-plan clean <in.xlsx> --out <out.xlsx> [--highlights-only] [--yes] [--sheet <name>]
 *                  [--lang <vi|en>]`   (cli-json.md; `--help`)
 *
 * Takes back what `validate --out` added (validation.md, "Taking it back"), in a copy: the
 * highlights, and unless --highlights-only the tracking block (the columns the tool created,
 * their drop-down, the hidden helper column, the as-of cell, the names). When statuses,
 * completion dates or results are filled in the block, nothing is written without --yes: one
 * sentence says how many would be lost, exit status 2. Exit status 0 when the copy is written,
 * 2 when it is not. The input is never written; the copy is complete or absent.
 */
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Lang } from '../../engine/model';
import type { LostCells } from '../../engine/clean';
import { lostList } from '../../i18n/take-back';
import { CopyError } from '../../hosts/xlsx/port';
import { runClean, type CleanSummary } from '../../usecases';
import { langOption, oneCopySchema, runParsed } from '../args';
import { EXIT_OK, type CliCommand, type CliIO, type CommandContext } from '../command';
import { messages } from '../messages';
import { refuse, runOneCopy } from '../one-copy';
import { copyFailure, lockOutTarget, openInput, refusalFailure, type OutTarget } from '../plan-job';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

export const cleanMessages = {
  missingOut: (lang: Lang) =>
    pick(lang, {
      vi: 'Thiếu --out: hãy cho tên tệp sẽ ghi bản đã gỡ (tệp gốc không bao giờ bị ghi đè).',
      en: 'Missing --out: name the file to write the cleaned copy to (the input is never overwritten).',
    }),
  oneFile: (lang: Lang) => pick(lang, { vi: 'Lệnh clean gỡ từng tệp một: hãy cho đúng một tệp .xlsx.', en: 'clean takes one file at a time: give exactly one .xlsx file.' }),
  needsYes: (file: string, lost: LostCells, lang: Lang) =>
    pick(lang, {
      vi: `Chưa gỡ gì ở “${file}”: cột theo dõi đang có ${lostList(lost, 'vi')} đã điền, sẽ mất nếu gỡ; thêm --yes để vẫn gỡ, hoặc --highlights-only để chỉ gỡ tô màu.`,
      en: `Nothing removed from “${file}”: the tracking columns hold ${lostList(lost, 'en')} that would be lost; add --yes to remove them anyway, or --highlights-only to remove only the highlights.`,
    }),
  highlightsRemoved: (shown: string, lang: Lang) =>
    pick(lang, {
      vi: `Đã gỡ tô màu của công cụ và ghi bản sao vào “${shown}”; nội dung và định dạng các ô khác được giữ nguyên, tệp gốc không bị thay đổi.`,
      en: `Removed the tool's highlights and wrote the copy to “${shown}”; every other cell keeps its content and format, and the input is unchanged.`,
    }),
  blockRemoved: (s: CleanSummary, shown: string, lang: Lang) => {
    const columns = s.removedColumns.join(', ');
    const what = s.removedColumns.length > 0
      ? pick(lang, { vi: `tô màu và cột theo dõi (cột ${columns})`, en: `the highlights and the tracking columns (${columns})` })
      : pick(lang, { vi: 'tô màu, cột phụ và ô “Tính đến ngày”', en: 'the highlights, the helper column and the as-of cell' });
    const lost = lostList(s.lost, lang);
    const lostPart = lost ? pick(lang, { vi: `; đã xoá ${lost}`, en: `; ${lost} deleted` }) : '';
    return pick(lang, {
      vi: `Đã gỡ ${what}${lostPart} và ghi bản sao vào “${shown}”; tệp gốc không bị thay đổi.`,
      en: `Removed ${what}${lostPart} and wrote the copy to “${shown}”; the input is unchanged.`,
    });
  },
  keptColumns: (letters: string[], lang: Lang) =>
    pick(lang, {
      vi: `Giữ nguyên cột ${letters.join(', ')}: cột có sẵn của bảng, không do công cụ tạo.`,
      en: `Kept column ${letters.join(', ')}: the table's own, not created by the tool.`,
    }),
  unrecorded: (lang: Lang) =>
    pick(lang, {
      vi: 'Sổ không ghi cột theo dõi nào do công cụ tạo (được kiểm tra bằng phiên bản cũ), nên không cột nào bị xoá.',
      en: 'The workbook does not record which tracking columns the tool created (checked by an older version), so no column was removed.',
    }),
};

function argsSchema(lang: Lang) {
  return z.object({
    ...oneCopySchema(lang, { oneFile: cleanMessages.oneFile(lang), missingOut: cleanMessages.missingOut(lang) }),
    sheet: z.string().trim().min(1, { message: messages.badSheet(lang) }).optional(),
    highlightsOnly: z.boolean().default(false),
    yes: z.boolean().default(false),
    lang: langOption(),
  });
}
export type CleanArgs = z.infer<ReturnType<typeof argsSchema>>;

export async function runCleanCommand(args: CleanArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const { lang } = args;
  const file = args.files[0];
  return runOneCopy(io, { file, out: args.out, lang }, async (target) => {
    const lock = await lockOutTarget(target, lang);
    if ('ok' in lock) return refuse(io, lock.message);
    try {
      return await cleanInto(target, args, io);
    } finally {
      await lock.release();
    }
  });
}

/** Take back what validate added, writing the copy to `target` (its lock held). */
async function cleanInto(target: OutTarget, args: CleanArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  const file = args.files[0];
  const workbook = await openInput(path.resolve(io.cwd, file), file, { sheet: args.sheet, copyTo: target.path, lang });
  if ('ok' in workbook) return refuse(io, workbook.message);
  let result;
  try {
    result = await runClean({ workbook }, { scope: args.highlightsOnly ? 'highlights' : 'block', lang, allowLoss: args.yes, today: io.today() });
  } catch (e) {
    if (e instanceof CopyError) return refuse(io, copyFailure(e, target.shown, lang).message);
    throw e;
  }
  if (!result.ok) return refuse(io, refusalFailure(result.refusal, file, lang).message);
  if (result.outcome === 'needs-confirmation') return refuse(io, cleanMessages.needsYes(file, result.lost, lang));
  if (result.stateProblem) io.stdout(`${messages.stateIgnored(file, lang)}\n`);
  if (result.scope === 'highlights') {
    io.stdout(`${cleanMessages.highlightsRemoved(target.shown, lang)}\n`);
    return EXIT_OK;
  }
  io.stdout(`${cleanMessages.blockRemoved(result, target.shown, lang)}\n`);
  if (result.unrecorded) io.stdout(`${cleanMessages.unrecorded(lang)}\n`);
  else if (result.keptColumns.length > 0) io.stdout(`${cleanMessages.keptColumns(result.keptColumns, lang)}\n`);
  return EXIT_OK;
}

export const cleanCommand: CliCommand = {
  name: 'clean',
  register(program: Command, ctx: CommandContext) {
    program
      .command('clean')
      .description('Gỡ tô màu và cột theo dõi mà công cụ đã thêm, ghi ra bản sao / take back the highlights and tracking columns the tool added, in a copy')
      .argument('<in.xlsx>', 'tệp đã kiểm tra / checked workbook')
      .option('--out <out.xlsx>', 'tệp ghi bản đã gỡ (bắt buộc) / file to write the cleaned copy to (required)')
      .option('--highlights-only', 'chỉ gỡ tô màu / remove only the highlights')
      .option('--yes', 'vẫn gỡ khi cột theo dõi đã có dữ liệu / remove even when the tracking columns hold data')
      .option('--sheet <name>', 'trang tính chứa phụ lục / sheet holding the appendix')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      // One file; more are refused by the schema below, in the user's words.
      .allowExcessArguments(true)
      .action((_file: string, opts: Record<string, unknown>, command: Command) => runParsed(ctx, argsSchema(ctx.lang).safeParse({ files: command.args, ...opts }), runCleanCommand));
  },
};
