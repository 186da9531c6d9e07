/**
 * `cchc-plan report --format docx`: the report as a Word document (src/report/docx), written
 * whole or not at all; the workbook is only read (no copy of it is made).
 */
import path from 'path';
import type { Lang } from '../engine/model';
import type { ReportModel } from '../report';
import { reportDocxBytes } from '../report/docx';
import { WorkbookWriteError, writeBytesAtomically } from '../hosts/xlsx/write';
import { fileStatus, type FileJob } from './each-file';
import { writeFailure } from './messages';
import type { JobFailure, OutTarget } from './plan-job';
import type { ReportArgs } from './report-args';
import { fileNotes, printReport, readForReport } from './report-read';

/** In a folder, the Word report of "ke-hoach.xlsx" is "ke-hoach.docx". */
export function docxName(input: string): string {
  return `${path.basename(input, path.extname(input))}.docx`;
}

const written = (file: string, lang: Lang) =>
  lang === 'en' ? `Word report written to ${file}; the input is unchanged.` : `Đã ghi báo cáo Word vào ${file}; tệp gốc không thay đổi.`;

/** Write the .docx; the failure in the user's words, or null. */
async function writeReportDocx(model: ReportModel, target: OutTarget, lang: Lang): Promise<JobFailure | null> {
  const bytes = Buffer.from(await reportDocxBytes(model));
  try {
    await writeBytesAtomically(bytes, target.path);
    return null;
  } catch (e) {
    if (!(e instanceof WorkbookWriteError)) throw e;
    return { ok: false, code: 'write-failed', message: writeFailure(e.code, target.shown, lang) };
  }
}

export async function reportAsWord(job: FileJob, args: ReportArgs): Promise<number> {
  const { file, target, progress } = job;
  const lang = args.lang;
  const read = await readForReport(job, args, undefined);
  if (typeof read === 'number') return read;
  const notes = fileNotes(read, file, lang);
  let problem: JobFailure | null = null;
  // --format docx requires --out (report-args.ts): a target is always there.
  if (target) {
    progress.stage('write');
    problem = await writeReportDocx(read.model, target, lang);
    if (!problem) notes.unshift(written(target.shown, lang));
  }
  await printReport(job, args, read.model, { replaced: read.replaces, notes });
  return fileStatus(job.io, problem, read.errors);
}
