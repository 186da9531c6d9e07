/**
 * What both paths of `cchc-plan report` do with one file (the copy with the report sheet, and
 * the Word report): read it, build its report as of the period's day, word the report's own
 * refusals, and print the result with the notes that go with it.
 */
import path from 'path';
import type { ISODate, Lang } from '../engine/model';
import type { OpenedWorkbook } from '../hosts/xlsx/port';
import { reportJson, type ReportModel } from '../report';
import { prepareReport, type Refusal } from '../usecases';
import type { FileJob } from './each-file';
import { formatReportHuman, type ReportHumanExtras } from './format-report';
import { printJsonLine, stdoutBytes } from './json-pieces';
import { messages } from './messages';
import { correctionsDropped } from './notes';
import { openInput, refusalFailure, type JobFailure, type OutTarget } from './plan-job';
import type { Progress } from './progress';
import type { ReportArgs } from './report-args';

type Text = { vi: string; en: string };
const pick = (lang: Lang, t: Text) => (lang === 'en' ? t.en : t.vi);

const refusalMessages = {
  reportSheetChosen: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang “${sheet}” của “${file}” là một trang báo cáo do công cụ lập, không phải phụ lục kế hoạch; hãy chỉ ra trang phụ lục bằng --sheet.`,
      en: `Sheet “${sheet}” of “${file}” is a report sheet made by this tool, not a plan appendix; name the appendix sheet with --sheet.`,
    }),
  sameNameAsAppendix: (file: string, sheet: string, lang: Lang) =>
    pick(lang, {
      vi: `Trang phụ lục của “${file}” có tên “${sheet}”, trùng tên trang báo cáo sẽ ghi; hãy đổi tên trang phụ lục rồi lập lại báo cáo.`,
      en: `The appendix sheet of “${file}” is named “${sheet}”, the name the report sheet would take; rename the appendix sheet and build the report again.`,
    }),
};

/** The report's own refusals in the command line's words; the others as every command says them. */
export function reportRefusal(refusal: Refusal, file: string, lang: Lang): JobFailure {
  if (refusal.code === 'report-sheet') return { ok: false, code: 'no-table', message: refusalMessages.reportSheetChosen(file, refusal.sheet, lang) };
  if (refusal.code === 'report-on-own-sheet') return { ok: false, code: 'out-conflict', message: refusalMessages.sameNameAsAppendix(file, refusal.sheet, lang) };
  return refusalFailure(refusal, file, lang);
}

/**
 * The report prepared, keeping only what the output and the write need: the analysis and the
 * report's sheet model (hundreds of MB for a large plan; the pending write holds the change set
 * it needs) can be collected while the copy is written.
 */
async function prepareKept(workbook: OpenedWorkbook, args: ReportArgs, today: ISODate, write: boolean, progress: Progress) {
  const prepared = await prepareReport(
    { workbook },
    { period: args.period, year: args.year, asOf: args.asOf, fixAsOf: true, lang: args.lang, today, write, onStep: (step) => progress.stage(step) },
  );
  if (!prepared.ok) return prepared;
  const { analysis, report } = prepared;
  return {
    ok: true as const,
    model: report.model,
    write: prepared.write,
    replaces: prepared.replaces,
    stateProblem: prepared.stateProblem,
    dropped: analysis.droppedCorrections,
    errors: analysis.summary.errors,
  };
}

export type KeptReport = Extract<Awaited<ReturnType<typeof prepareKept>>, { ok: true }>;

/** Read the file and build its report; with `copy`, the copy's write is left pending. When the
 * file cannot be reported on, the exit status (the failure already said). */
export async function readForReport(job: FileJob, args: ReportArgs, copy: OutTarget | undefined): Promise<KeptReport | number> {
  const { file, io, progress, couldNotCheck } = job;
  progress.stage('read');
  const workbook = await openInput(path.resolve(io.cwd, file), file, { sheet: args.sheet, copyTo: copy?.path, lang: args.lang });
  if ('ok' in workbook) return couldNotCheck(workbook);
  const prepared = await prepareKept(workbook, args, io.today(), copy !== undefined, progress);
  if (!prepared.ok) return couldNotCheck(reportRefusal(prepared.refusal, file, args.lang));
  return prepared;
}

/** The notes on the file itself: its stored state ignored, its column corrections dropped. */
export function fileNotes(kept: KeptReport, file: string, lang: Lang): string[] {
  const notes: string[] = [];
  if (kept.stateProblem) notes.push(messages.stateIgnored(file, lang));
  if (kept.dropped) notes.push(correctionsDropped(file, kept.dropped, lang));
  return notes;
}

/** The result on stdout: a JSON line (its notes on stderr), or the text for a person. The JSON
 * of a year's report on a large plan is tens of MB (every task is listed): it is printed in
 * pieces, each written before the next is made, as validate prints its own. */
export async function printReport(job: FileJob, args: ReportArgs, model: ReportModel, extras: ReportHumanExtras): Promise<void> {
  const { io, file } = job;
  if (args.json) {
    await printJsonLine(reportJson(model, file), stdoutBytes(io), io.drained);
    for (const note of extras.notes) io.stderr(`${note}\n`);
  } else {
    io.stdout(formatReportHuman(model, file, args.lang, extras));
    if (args.files.length > 1) io.stdout('\n');
  }
}
