/**
 * `cchc-plan convert <in.xlsx> --out <out.xlsx> [--lang vi|en]`
 *
 * Writes a copy of the workbook with every TCVN3 or VNI text cell of every sheet rewritten as
 * Unicode in Times New Roman (src/hosts/xlsx/convert.ts), and says how many cells of each sheet
 * were converted. The input is never written; the copy is written atomically, complete or not at
 * all. Exit status 0 when the copy is written (even with nothing to convert), 2 when it is not
 * (one sentence on stderr says why).
 */
import path from 'path';
import { Command } from 'commander';
import { z } from 'zod';
import type { Lang } from '../../engine/model';
import type { SheetConversion } from '../../hosts/xlsx/convert';
import { WorkbookOpenError } from '../../hosts/xlsx/open-file';
import type { UncarriedPart } from '../../hosts/xlsx/read';
import { writeWorkbookAtomically, WorkbookWriteError } from '../../hosts/xlsx/write';
import { langOption, oneCopySchema, runParsed } from '../args';
import { EXIT_OK, type CliCommand, type CommandContext } from '../command';
import { openFailure, writeFailure } from '../messages';
import { refuse, runOneCopy } from '../one-copy';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

const convertMessages = {
  missingOut: (lang: Lang) =>
    pick(lang, {
      vi: 'Thiếu --out: hãy cho tên tệp sẽ ghi bản Unicode (tệp gốc không bao giờ bị ghi đè).',
      en: 'Missing --out: name the file to write the Unicode copy to (the input is never overwritten).',
    }),
  oneFile: (lang: Lang) =>
    pick(lang, { vi: 'Lệnh convert chuyển từng tệp một: hãy cho đúng một tệp .xlsx.', en: 'convert takes one file at a time: give exactly one .xlsx file.' }),
  sheetLine: (c: SheetConversion, lang: Lang) => {
    if (c.cells === 0) return pick(lang, { vi: `Trang “${c.sheet}”: không có ô nào cần chuyển.`, en: `Sheet “${c.sheet}”: no cell to convert.` });
    const parts = [c.byEncoding.tcvn3 ? `TCVN3: ${c.byEncoding.tcvn3}` : '', c.byEncoding.vni ? `VNI: ${c.byEncoding.vni}` : ''].filter(Boolean).join(', ');
    return pick(lang, {
      vi: `Trang “${c.sheet}”: ${c.cells} ô đã chuyển sang Unicode (${parts}).`,
      en: `Sheet “${c.sheet}”: ${c.cells} ${c.cells === 1 ? 'cell' : 'cells'} converted to Unicode (${parts}).`,
    });
  },
  written: (total: number, shown: string, lang: Lang) =>
    total === 0
      ? pick(lang, {
          vi: `Không có ô nào ở bảng mã TCVN3 hay VNI; bản sao vẫn được ghi vào “${shown}”.`,
          en: `No cell holds TCVN3 or VNI text; the copy was still written to “${shown}”.`,
        })
      : pick(lang, {
          vi: `Đã ghi bản Unicode (phông Times New Roman) vào “${shown}”; tệp gốc không bị thay đổi.`,
          en: `Wrote the Unicode copy (font Times New Roman) to “${shown}”; the input is unchanged.`,
        }),
  partsNotCopied: (parts: UncarriedPart[], lang: Lang) => {
    const names: Record<UncarriedPart, Text> = {
      chart: { vi: 'biểu đồ', en: 'charts' },
      'pivot-table': { vi: 'PivotTable', en: 'pivot tables' },
      slicer: { vi: 'slicer', en: 'slicers' },
      'form-control': { vi: 'điều khiển biểu mẫu', en: 'form controls' },
      macro: { vi: 'macro', en: 'macros' },
    };
    const list = parts.map((p) => pick(lang, names[p])).join(', ');
    return pick(lang, {
      vi: `Lưu ý: bản Unicode không giữ được ${list} của tệp gốc (dùng nút “Chuyển sang Unicode” trong Excel để giữ); tệp gốc vẫn nguyên vẹn.`,
      en: `Note: the Unicode copy does not keep the input's ${list} (the “Convert to Unicode” button inside Excel does); the input is unchanged.`,
    });
  },
};

function argsSchema(lang: Lang) {
  return z.object({
    ...oneCopySchema(lang, { oneFile: convertMessages.oneFile(lang), missingOut: convertMessages.missingOut(lang) }),
    lang: langOption(),
  });
}
export type ConvertArgs = z.infer<ReturnType<typeof argsSchema>>;

export async function runConvert(args: ConvertArgs, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const { lang } = args;
  const file = args.files[0];
  return runOneCopy(io, { file, out: args.out, kind: 'plain', lang }, async (target) => {
    const input = path.resolve(io.cwd, file);
    // exceljs is loaded here, not at start-up: validate and report never need it.
    const { openWorkbook, uncarriedParts } = await import('../../hosts/xlsx/read');
    const { convertWorkbookToUnicode } = await import('../../hosts/xlsx/convert');
    let workbook;
    try {
      workbook = await openWorkbook(input);
    } catch (e) {
      if (e instanceof WorkbookOpenError) return refuse(io, openFailure(e.code, file, lang));
      throw e;
    }
    const sheets = convertWorkbookToUnicode(workbook);
    try {
      await writeWorkbookAtomically(workbook, target.path);
    } catch (e) {
      if (e instanceof WorkbookWriteError) return refuse(io, writeFailure(e.code, target.shown, lang));
      throw e;
    }
    const total = sheets.reduce((n, s) => n + s.cells, 0);
    for (const s of sheets) io.stdout(`${convertMessages.sheetLine(s, lang)}\n`);
    io.stdout(`${convertMessages.written(total, target.shown, lang)}\n`);
    const lost = await uncarriedParts(input);
    if (lost.length > 0) io.stdout(`${convertMessages.partsNotCopied(lost, lang)}\n`);
    return EXIT_OK;
  });
}

export const convertCommand: CliCommand = {
  name: 'convert',
  register(program: Command, ctx: CommandContext) {
    program
      .command('convert')
      .description('Chuyển chữ TCVN3 (ABC) và VNI sang Unicode, ghi ra bản sao / convert TCVN3 (ABC) and VNI text to Unicode in a copy')
      .argument('<in.xlsx>', 'tệp cần chuyển / workbook to convert')
      .option('--out <out.xlsx>', 'tệp ghi bản Unicode (bắt buộc) / file to write the Unicode copy to (required)')
      .option('--lang <vi|en>', 'ngôn ngữ / language (vi, en)')
      // One file; more are refused by the schema below, in the user's words.
      .allowExcessArguments(true)
      .action((_file: string, opts: Record<string, unknown>, command: Command) => runParsed(ctx, argsSchema(ctx.lang).safeParse({ files: command.args, ...opts }), runConvert));
  },
};
