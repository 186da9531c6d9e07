/**
 * Building blocks of a Word report in the form of Decree 30/2020/NĐ-CP, Appendix I, with the
 * `docx` library: the header (agencies, national title, number, place and date), the title
 * (type, summary line, data period), tables of counts and of tasks, the closing (recipients and
 * signer), the page (A4, the decree's margins, page numbers from page two) and the styles. Each
 * is a separate export so another report (the roll-up) can put them together its own way.
 * Pure: no Node API, so the task pane builds the same file in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import type { Lang, PageMargins } from '../../engine/model';
import { TASK_CLASSES } from '../classify';
import { DECREE_MARGINS, FONT_SIZES, REPORT_FONT, type DocumentParts } from '../document';
import { formatRate } from '../narrative';
import type { ListColumnKey, ListTable, StatsRow, StatsTable } from '../tables';

/** Word's lengths are twentieths of a point; font sizes half-points. */
const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);
const half = (points: number): number => Math.round(points * 2);

/** A4 portrait, the page of an administrative document. */
export const A4 = { width: 11906, height: 16838 } as const;

/** The width text and tables may take on a page with these margins. */
export function contentWidth(margins: PageMargins = DECREE_MARGINS): number {
  return A4.width - mm(margins.left) - mm(margins.right);
}

/** Table cells are set a point under the sheet's (11 points): eleven columns must fit the width
 * of a portrait page. */
export const DOCX_TABLE_SIZE = FONT_SIZES.table - 1;

const HEADER_FILL = 'DDEBF7';
const TOTAL_FILL = 'F2F2F2';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export function run(text: string, style: TextStyle = {}): TextRun {
  return new TextRun({
    text,
    font: REPORT_FONT,
    size: half(style.size ?? FONT_SIZES.body),
    bold: style.bold,
    italics: style.italic,
    ...(style.underline ? { underline: {} } : {}),
  });
}

export interface ParagraphStyle extends TextStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent (the decree: 1–1.27 cm). */
  indent?: boolean;
  /** Space after, points (the decree: at least 6 between paragraphs). */
  after?: number;
  before?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export function para(text: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text, style)] : text,
    alignment: ALIGN[style.align ?? 'left'],
    indent: style.indent ? { firstLine: mm(12.7) } : undefined,
    spacing: { before: (style.before ?? 0) * 20, after: (style.after ?? 0) * 20 },
    keepNext: style.keepNext,
  });
}

/** A short centred rule under a line (under the agency and the summary line): a paragraph
 * whose bottom border the indents shorten to about a third of `width`. */
export function shortRule(width: number): Paragraph {
  const side = Math.round(width / 3);
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 120 },
  });
}

function cell(children: Paragraph[], width: number, opts: { fill?: string; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(opts.span ? { columnSpan: opts.span } : {}),
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
  });
}

/** Two columns without borders: the agency block beside the national title, or the recipients
 * beside the signer. */
function twoColumns(left: Paragraph[], right: Paragraph[], width: number, leftShare: number): Table {
  const l = Math.round(width * leftShare);
  const widths = [l, width - l];
  const side = (children: Paragraph[], w: number) => new TableCell({ children, width: { size: w, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 } });
  return new Table({
    rows: [new TableRow({ children: [side(left, widths[0]), side(right, widths[1])] })],
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** Upper left the agencies and the number; upper right the national title, the underlined
 * motto, and the place and date. */
/** The agency block's share of the width: the national title (13 points, bold) must fit the
 * other share on one line. */
const HEADER_LEFT = 0.36;

export function headerBlock(p: DocumentParts, width: number = contentWidth()): Table {
  const left = Math.round(width * HEADER_LEFT);
  const agency: Paragraph[] = [];
  if (p.governingAgency) agency.push(para(p.governingAgency, { size: FONT_SIZES.agency, align: 'center' }));
  agency.push(para(p.agency, { size: FONT_SIZES.agency, bold: true, align: 'center' }), shortRule(left), para(p.number, { size: FONT_SIZES.number, align: 'center' }));
  const national = [
    para(p.nationalTitle, { size: FONT_SIZES.nationalTitle, bold: true, align: 'center' }),
    para(p.motto, { size: FONT_SIZES.motto, bold: true, underline: true, align: 'center', after: 6 }),
    ...(p.governingAgency ? [para('', { size: FONT_SIZES.number })] : []),
    para(p.placeDate, { size: FONT_SIZES.placeDate, italic: true, align: 'center' }),
  ];
  return twoColumns(agency, national, width, HEADER_LEFT);
}

/** The type ("BÁO CÁO"), the summary line with a short rule under it, the data period. */
export function titleBlock(p: DocumentParts, width: number = contentWidth()): Paragraph[] {
  return [
    para(p.type, { size: FONT_SIZES.type, bold: true, align: 'center', before: 18 }),
    para(p.summary, { size: FONT_SIZES.summary, bold: true, align: 'center' }),
    para(p.dataPeriod, { size: FONT_SIZES.body, italic: true, align: 'center' }),
    shortRule(width),
  ];
}

/** "Nơi nhận" and its lines at the lower left; the signer's title, room to sign, and the name
 * at the lower right. */
export function signerBlock(p: DocumentParts, width: number = contentWidth()): Table {
  const recipients = [para(p.recipientsHeading, { size: FONT_SIZES.recipientsHeading, bold: true, italic: true }), ...p.recipients.map((r) => para(r, { size: FONT_SIZES.recipients }))];
  const signer = [
    ...p.signerTitle.map((t) => para(t, { size: FONT_SIZES.signer, bold: true, align: 'center' })),
    // Room for the signature and the seal.
    ...[0, 1, 2, 3].map(() => para('', { size: FONT_SIZES.signer })),
    para(p.signerName, { size: FONT_SIZES.signer, bold: true, align: 'center' }),
  ];
  return twoColumns(recipients, signer, width, 0.45);
}

const tableText = (text: string, style: ParagraphStyle = {}) => para(text, { size: DOCX_TABLE_SIZE, ...style });

/** Column widths (shares of the width) of a statistics table: STT, name, nine numbers. */
const STATS_SHARES = [0.06, 0.21, ...new Array<number>(9).fill(0.73 / 9)];
/** The class headings of a statistics table ("Không có mốc thời gian") are set a point smaller
 * again so that no word breaks in its narrow column. */
const STATS_HEADING_SIZE = DOCX_TABLE_SIZE - 1;

function widthsOf(shares: readonly number[], width: number): number[] {
  const widths = shares.map((s) => Math.floor(s * width));
  widths[1] += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function statsCells(row: StatsRow | { stt: string; name: string; counts: StatsRow['counts']; rate: number | null }, widths: number[], lang: Lang, total: boolean): TableCell[] {
  const style: ParagraphStyle = total ? { bold: true, align: 'center' } : { align: 'center' };
  const fill = total ? TOTAL_FILL : undefined;
  const numbers = [...TASK_CLASSES.map((c) => row.counts[c]), row.counts.total, row.counts.done].map(String);
  return [
    cell([tableText(row.stt, style)], widths[0], { fill }),
    cell([tableText(row.name, total ? style : {})], widths[1], { fill }),
    ...numbers.map((n, i) => cell([tableText(n, i === 6 ? { ...style, bold: true } : style)], widths[2 + i], { fill })),
    cell([tableText(formatRate(row.rate, lang), style)], widths[10], { fill }),
  ];
}

function table(rows: TableRow[], widths: number[]): Table {
  return new Table({ rows, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

function headerRow(headings: string[], widths: number[], size = DOCX_TABLE_SIZE): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: headings.map((h, i) => cell([tableText(h, { bold: true, align: 'center', size })], widths[i], { fill: HEADER_FILL })) });
}

/** Counts by area or by unit: one row each, the totals row, the rate as "42,9%". */
export function statsTable(t: StatsTable, lang: Lang, width: number = contentWidth()): Table {
  const widths = widthsOf(STATS_SHARES, width);
  const rows = [headerRow(t.columns, widths, STATS_HEADING_SIZE), ...t.rows.map((r) => new TableRow({ cantSplit: true, children: statsCells(r, widths, lang, false) }))];
  rows.push(new TableRow({ cantSplit: true, children: statsCells({ stt: '', name: t.totalsLabel, counts: t.totals, rate: t.totalsRate }, widths, lang, true) }));
  return table(rows, widths);
}

/** Shares of the width per list column. */
const LIST_SHARES: Record<ListColumnKey, number> = { stt: 0.06, task: 0.29, lead: 0.18, due: 0.14, status: 0.14, days: 0.09, row: 0.1, issues: 0.17, reasons: 0.22 };

/** A list of tasks (overdue, due next, incomplete data); a line saying so when empty. */
export function listTable(t: ListTable, width: number = contentWidth()): Table {
  const keys = t.columns.map((c) => c.key);
  const sum = keys.reduce((a, k) => a + LIST_SHARES[k], 0);
  const widths = widthsOf(
    keys.map((k) => LIST_SHARES[k] / sum),
    width,
  );
  // widthsOf puts the rounding on the second column (the task's).
  const rows = [headerRow(t.columns.map((c) => c.heading), widths)];
  if (t.tasks.length === 0) rows.push(new TableRow({ children: [cell([tableText(t.none, { italic: true })], width, { span: widths.length })] }));
  for (const task of t.tasks) {
    // A row is never split over two pages: a task's name stays whole on one page.
    rows.push(new TableRow({ cantSplit: true, children: t.columns.map((c, i) => cell([tableText(String(c.value(task)), { align: c.align })], widths[i])) }));
  }
  return table(rows, widths);
}

/** The page number centred in the top margin, in the body's font. */
export function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: REPORT_FONT, size: half(FONT_SIZES.body) })] })] });
}

/** A4 portrait with the decree's margins; page numbers from page two (the first page has its own,
 * empty header). */
export function sectionPage(margins: PageMargins = DECREE_MARGINS): Pick<ISectionOptions, 'properties' | 'headers'> {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: { top: mm(margins.top), bottom: mm(margins.bottom), left: mm(margins.left), right: mm(margins.right), header: mm(margins.header), footer: mm(margins.footer) },
      },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
  };
}

/** Times New Roman at the body's size for everything not styled otherwise, in the report's
 * language (for Word's spelling check); lines 1.15 apart. */
export function reportStyles(lang: Lang): IStylesOptions {
  return {
    default: {
      document: { run: { font: REPORT_FONT, size: half(FONT_SIZES.body), language: { value: lang === 'en' ? 'en-GB' : 'vi-VN' } }, paragraph: { spacing: { line: 276 } } },
    },
  };
}
