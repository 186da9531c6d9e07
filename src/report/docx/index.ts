/**
 * The report as a Word document (report.md, "The report as a document"): the same header,
 * tables, numbers and closing as the report sheet, and a body in the usual outline of a periodic
 * CCHC report, prefilled with the draft of narrative.ts for the official to finish and sign.
 * `reportDocxBytes` packs it with `Packer.toArrayBuffer` (no Node API): the command line writes
 * the bytes to a file, the task pane hands them to the browser as a download.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { formatDate } from '../../i18n/dates';
import { documentParts, FONT_SIZES } from '../document';
import type { ReportModel } from '../model';
import { narrativeDraft } from '../narrative';
import { reportTables, type ListTable, type StatsTable } from '../tables';
import { contentWidth, headerBlock, listTable, para, reportStyles, sectionPage, signerBlock, statsTable, titleBlock } from './blocks';

export * from './blocks';

type Block = Paragraph | Table;

/** "Bảng 3. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH": the sheet's heading without its numeral. */
function caption(n: number, heading: string, lang: ReportModel['lang']): Paragraph {
  const words = heading.replace(/^[IVXLC]+\.\s*/, '');
  return para(`${lang === 'en' ? 'Table' : 'Bảng'} ${n}. ${words}`, { bold: true, before: 6, after: 3, keepNext: true });
}

const body = (text: string) => para(text, { indent: true, after: 6, align: 'justify' });
const heading = (text: string) => para(text, { bold: true, before: 6, after: 6, keepNext: true });
const subheading = (text: string) => para(text, { bold: true, italic: true, after: 3, keepNext: true, indent: true });

export function reportDocument(model: ReportModel): Document {
  const parts = documentParts({ ...model, formatDate });
  const tables = reportTables(model);
  const draft = narrativeDraft(model);
  const width = contentWidth();
  const lang = model.lang;
  const stats = (n: number, t: StatsTable): Block[] => [caption(n, t.heading, lang), statsTable(t, lang, width), ...(t.note ? [para(t.note, { italic: true, size: FONT_SIZES.recipientsHeading, after: 6 })] : [])];
  const list = (n: number, t: ListTable): Block[] => [caption(n, t.heading, lang), listTable(t, width), para('', { after: 3 })];

  const children: Block[] = [
    headerBlock(parts, width),
    ...titleBlock(parts, width),
    ...parts.intro.map((line) => para(line, { italic: true, indent: true, after: 6 })),
    body(draft.opening),

    heading(draft.direction.heading),
    ...draft.direction.paragraphs.map(body),

    heading(draft.results.heading),
    body(draft.results.intro),
    ...stats(1, tables.bySection),
    ...stats(2, tables.byLead),
    ...draft.results.areas.flatMap((a) => [subheading(a.heading), body(a.sentence)]),

    heading(draft.assessment.heading),
    subheading(draft.assessment.strengths.heading),
    ...draft.assessment.strengths.paragraphs.map(body),
    subheading(draft.assessment.shortcomings.heading),
    ...draft.assessment.shortcomings.paragraphs.map(body),
    ...list(3, tables.overdue),
    ...list(4, tables.quality),

    heading(draft.nextPeriod.heading),
    body(draft.nextPeriod.intro),
    ...draft.nextPeriod.tasks.map((t) => body(`- ${t}`)),
    ...(draft.nextPeriod.overdueNote ? [body(draft.nextPeriod.overdueNote)] : []),
    ...list(5, tables.upcoming),

    heading(draft.proposals.heading),
    ...draft.proposals.paragraphs.map(body),
    para('', { after: 6 }),
    signerBlock(parts, width),
  ];

  return new Document({
    creator: model.document.agency ?? undefined,
    title: `${parts.type} ${parts.summary}`,
    styles: reportStyles(lang),
    sections: [{ ...sectionPage(), children }],
  });
}

/** The .docx file's bytes. */
export function reportDocxBytes(model: ReportModel): Promise<ArrayBuffer> {
  return Packer.toArrayBuffer(reportDocument(model));
}
