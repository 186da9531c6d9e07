/**
 * `cchc-plan report … --format docx`: the report as a Word document (src/report/docx), written
 * whole or not at all beside the input, which is only read.
 */
import path from 'path';
import type { Lang } from '../engine/model';
import type { ReportModel } from '../report';
import { reportDocxBytes } from '../report/docx';
import { WorkbookWriteError, writeBytesAtomically } from '../hosts/xlsx/write';
import { writeFailure } from './messages';
import type { JobFailure, OutTarget } from './plan-job';

export type ReportFormat = 'xlsx' | 'docx';

/** In a folder, the Word report of "ke-hoach.xlsx" is "ke-hoach.docx". */
export function docxName(input: string): string {
  return `${path.basename(input, path.extname(input))}.docx`;
}

/** Write the .docx; the failure in the user's words, or null. */
export async function writeReportDocx(model: ReportModel, target: OutTarget, lang: Lang): Promise<JobFailure | null> {
  const bytes = Buffer.from(await reportDocxBytes(model));
  try {
    await writeBytesAtomically(bytes, target.path);
    return null;
  } catch (e) {
    if (!(e instanceof WorkbookWriteError)) throw e;
    return { ok: false, code: 'write-failed', message: writeFailure(e.code, target.shown, lang) };
  }
}

export const docxMessages = {
  needsOut: (lang: Lang) =>
    lang === 'en'
      ? '--format docx writes a Word file: name it with --out (e.g. --out BC-Quy-III-2024.docx).'
      : '--format docx ghi báo cáo ra tệp Word: hãy đặt tên tệp bằng --out (ví dụ --out BC-Quy-III-2024.docx).',
  badFormat: (value: string, lang: Lang) =>
    lang === 'en' ? `--format “${value}” is not a report format; choose xlsx or docx.` : `--format “${value}” không phải định dạng báo cáo; chọn xlsx hoặc docx.`,
  written: (file: string, lang: Lang) =>
    lang === 'en' ? `Word report written to ${file}; the input is unchanged.` : `Đã ghi báo cáo Word vào ${file}; tệp gốc không thay đổi.`,
};
