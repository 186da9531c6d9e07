/**
 * The arguments of `cchc-plan report` (cli-json.md): the options every command shares, the
 * period and its year, and the format (a copy with the report sheet, or the Word report).
 */
import { z } from 'zod';
import type { Lang } from '../engine/model';
import { commonOptionsSchema, filesArgument, formatOption, periodOption, yearOption } from './args';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

const argumentMessages = {
  badPeriod: (value: string, lang: Lang) =>
    pick(lang, {
      vi: `--period “${value}” không phải kỳ báo cáo; chọn Q1, Q2, H1 (6 tháng), Q3, Q4 hoặc Y (năm).`,
      en: `--period “${value}” is not a reporting period; choose Q1, Q2, H1 (half-year), Q3, Q4 or Y (year).`,
    }),
  docxNeedsOut: (lang: Lang) =>
    lang === 'en'
      ? '--format docx writes a Word file: name it with --out (e.g. --out BC-Quy-III-2024.docx).'
      : '--format docx ghi báo cáo ra tệp Word: hãy đặt tên tệp bằng --out (ví dụ --out BC-Quy-III-2024.docx).',
  badFormat: (value: string, lang: Lang) =>
    lang === 'en' ? `--format “${value}” is not a report format; choose xlsx or docx.` : `--format “${value}” không phải định dạng báo cáo; chọn xlsx hoặc docx.`,
};

export function reportArgsSchema(lang: Lang) {
  return z
    .object({
      files: filesArgument(lang),
      ...commonOptionsSchema(lang),
      period: periodOption(lang, (v) => argumentMessages.badPeriod(v, lang)),
      year: yearOption(lang, '--year').optional(),
      format: formatOption((v) => argumentMessages.badFormat(v, lang)),
    })
    .refine((a) => a.format !== 'docx' || a.out !== undefined, { message: argumentMessages.docxNeedsOut(lang) });
}
export type ReportArgs = z.infer<ReturnType<typeof reportArgsSchema>>;
