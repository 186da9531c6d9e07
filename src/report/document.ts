/**
 * The report as an administrative document in the form of Decree 30/2020/NĐ-CP, Appendix I
 * (report.md, "The report as a document"): the words of its header and closing, shared by the
 * sheet (sheet.ts) and the Word file (docx/), so both say exactly the same. What is not known is
 * the dotted placeholder an official fills in by hand.
 */
import type { Analysis, Lang, PageMargins } from '../engine/model';
import type { Settings } from '../engine/settings';
import { reportLabels } from './labels';
import { periodTitleWords, periodWords, type PeriodId } from './periods';

/** The document's own facts: read from the plan's title rows, the workbook's settings, or what
 * the user typed for this report (strongest last). Null or empty: not known. */
export interface DocumentFields {
  governingAgency: string | null;
  agency: string | null;
  place: string | null;
  docSymbol: string | null;
  /** One line per authority/title line ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"). */
  signerTitle: string | null;
  signerName: string | null;
  recipients: string[];
}

export type DocumentOverrides = Partial<DocumentFields>;

export const REPORT_FONT = 'Times New Roman';
/** Font sizes of the decree's parts (points). Tables are set a point smaller than the body, as
 * offices do, so that eleven columns fit the page. */
export const FONT_SIZES = {
  agency: 13,
  nationalTitle: 13,
  motto: 14,
  number: 13,
  placeDate: 14,
  type: 14,
  summary: 14,
  body: 13,
  table: 12,
  recipientsHeading: 12,
  recipients: 11,
  signer: 14,
} as const;
/** Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DECREE_MARGINS: PageMargins = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 };

/** The dotted placeholder of a part nobody filled in. */
export const PLACEHOLDER = '…………';
/** A short one inside a line ("ngày … tháng …"). */
export const DOTS = '…';

function given(s: string | null | undefined): string | null {
  const t = s?.normalize('NFC').trim();
  return t ? t : null;
}

function givenList(list: readonly string[] | null | undefined): string[] | null {
  if (!list) return null;
  const out = list.map((s) => given(s.replace(/^[-–•]\s*/, '').replace(/[;.,]\s*$/, ''))).filter((s): s is string => s !== null);
  return out.length > 0 ? out : null;
}

/** What the user typed for this report, else the workbook's settings, else the plan's titles. */
export function resolveDocumentFields(analysis: Pick<Analysis, 'agency' | 'titleBlock'>, settings: Partial<Settings> | undefined, overrides: DocumentOverrides = {}): DocumentFields {
  const titles = analysis.titleBlock;
  return {
    governingAgency: given(overrides.governingAgency) ?? given(settings?.governingAgency) ?? given(titles?.governingAgency),
    agency: given(overrides.agency) ?? given(settings?.agency) ?? given(titles?.agency) ?? given(analysis.agency),
    place: given(overrides.place) ?? given(settings?.place) ?? given(titles?.place),
    docSymbol: given(overrides.docSymbol) ?? given(settings?.docSymbol) ?? given(titles?.docSymbol),
    signerTitle: given(overrides.signerTitle) ?? given(settings?.signerTitle),
    signerName: given(overrides.signerName) ?? given(settings?.signerName),
    recipients: givenList(overrides.recipients) ?? givenList(settings?.recipients) ?? [],
  };
}

/** The words of the document's parts, in the decree's order. */
export interface DocumentParts {
  /** Upper left: the governing agency (absent when none is known) and the issuing agency. */
  governingAgency: string | null;
  agency: string;
  /** Upper right: the national title and the motto (underlined). */
  nationalTitle: string;
  motto: string;
  /** "Số: …/BC-SCT" under the agency; the place and date under the motto. */
  number: string;
  placeDate: string;
  /** The document type ("BÁO CÁO") and its summary line. */
  type: string;
  summary: string;
  /** "(Số liệu tính từ ngày … đến ngày …)". */
  dataPeriod: string;
  /** The first lines of the body: as of which day, the data's source, when the report is due. */
  intro: string[];
  recipientsHeading: string;
  /** "- Sở Nội vụ;" … "- Lưu: VT." */
  recipients: string[];
  /** Upper-case lines of the signer's authority and title. */
  signerTitle: string[];
  signerName: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

interface PartsInput {
  lang: Lang;
  period: { id: PeriodId; year: number; from: string; to: string; due: string };
  asOf: string;
  sourceSheet: string;
  madeOn: string;
  document: DocumentFields;
  /** Dates as people read them (dd/mm/yyyy). */
  formatDate: (iso: string) => string;
}

/** The summary line: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024". */
export function summaryLine(id: PeriodId, year: number, lang: Lang): string {
  return lang === 'en'
    ? `Results of administrative reform work: ${periodTitleWords(id, year, 'en').toLowerCase()}`
    : `Kết quả thực hiện công tác cải cách hành chính ${periodWords(id, year, 'vi')}`;
}

/** "- X;" a line, the last with a full stop; the archive line ("Lưu: VT") closes the list unless
 * the user wrote one. */
function recipientLines(listed: string[], en: boolean): string[] {
  const archived = listed.some((r) => /^(lưu|luu|filed)\b/i.test(r));
  const all = archived ? listed : [...listed, en ? 'Filed: clerical office' : 'Lưu: VT'];
  return all.map((r, i) => `- ${r}${i === all.length - 1 ? '.' : ';'}`);
}

export function documentParts(input: PartsInput): DocumentParts {
  const { lang, period, document: d, formatDate } = input;
  const year = input.madeOn.slice(0, 4);
  const symbol = d.docSymbol ?? DOTS;
  const place = d.place ?? PLACEHOLDER;
  const listed = d.recipients.length > 0 ? d.recipients : [DOTS];
  const en = lang === 'en';
  return {
    governingAgency: d.governingAgency ? upper(d.governingAgency) : null,
    agency: d.agency ? upper(d.agency) : PLACEHOLDER,
    nationalTitle: en ? 'SOCIALIST REPUBLIC OF VIET NAM' : 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: en ? 'Independence - Freedom - Happiness' : 'Độc lập - Tự do - Hạnh phúc',
    number: en ? `No.: ${DOTS}/BC-${symbol}` : `Số: ${DOTS}/BC-${symbol}`,
    // The day it is signed is the official's to write: the day and month stay dotted.
    placeDate: en ? `${place}, date ${DOTS}/${DOTS}/${year}` : `${place}, ngày ${DOTS} tháng ${DOTS} năm ${year}`,
    type: en ? 'REPORT' : 'BÁO CÁO',
    summary: summaryLine(period.id, period.year, lang),
    dataPeriod: reportLabels(lang).dataPeriod(formatDate(period.from), formatDate(period.to)),
    intro: en
      ? [`Task status as of ${formatDate(input.asOf)}; source: sheet "${input.sourceSheet}", made on ${formatDate(input.madeOn)}. Report due: ${formatDate(period.due)}.`]
      : [`Tình trạng nhiệm vụ tính đến ngày ${formatDate(input.asOf)}; nguồn số liệu: trang “${input.sourceSheet}”, lập ngày ${formatDate(input.madeOn)}. Hạn gửi báo cáo: ngày ${formatDate(period.due)}.`],
    recipientsHeading: en ? 'Recipients:' : 'Nơi nhận:',
    recipients: recipientLines(listed, en),
    signerTitle: d.signerTitle ? d.signerTitle.split(/\r?\n/).map((l) => upper(l.trim())).filter((l) => l !== '') : [PLACEHOLDER],
    signerName: d.signerName ?? PLACEHOLDER,
  };
}
