/**
 * `cchc-plan report` as a sheet (--format xlsx, the default): with --out the copy gets the
 * tracking block, the highlights and the report sheet (a sheet of that name in the input is
 * replaced in the copy: there is nobody to ask on a command line); without it only the result
 * is printed. The input is never written.
 */
import { fileStatus, type FileJob } from './each-file';
import { messages } from './messages';
import { writeCopy } from './plan-job';
import type { ReportArgs } from './report-args';
import { fileNotes, printReport, readForReport, reportRefusal } from './report-read';

export async function reportIntoCopy(job: FileJob, args: ReportArgs): Promise<number> {
  const { file, target } = job;
  const lang = args.lang;
  const read = await readForReport(job, args, target);
  if (typeof read === 'number') return read;
  const { model, write } = read;
  if (write.state === 'refused' && write.refusal.code === 'report-on-own-sheet') return job.couldNotCheck(reportRefusal(write.refusal, file, lang));
  const notes = fileNotes(read, file, lang);
  const copied = await writeCopy(write, target, lang);
  // What this host could not make (the chart, drawn only inside Excel) is said in a note.
  if (copied?.ok && copied.applied.skipped.length > 0) notes.push(messages.chartSkipped(lang));
  await printReport(job, args, model, { written: copied?.ok ? target?.shown : undefined, replaced: read.replaces, notes });
  return fileStatus(job.io, copied?.ok === false ? copied : null, read.errors);
}
