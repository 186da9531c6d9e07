/**
 * The report tab's preview: the report model itself (src/report), built from the appendix the
 * pane has read, so that the chart and the figures cannot disagree with the sheet or the Word
 * file they announce. Pure; no host call.
 */
import type { Analysis, ISODate, Lang } from '../../engine/model';
import type { Settings } from '../../engine/settings';
import { buildReportModel, type DocumentFields, type DocumentOverrides, type PeriodId, type ReportModel, type TaskClass } from '../../report';

export interface PreviewChoice {
  period: PeriodId;
  year: number;
  asOf: ISODate;
  document?: DocumentOverrides;
}

export function previewModel(analysis: Analysis, choice: PreviewChoice, settings: Partial<Settings> | undefined, lang: Lang, today: ISODate): ReportModel {
  return buildReportModel(analysis, { period: choice.period, year: choice.year, asOf: choice.asOf, settings, document: choice.document, lang, madeOn: today });
}

/** Each class in its colour, as the highlights colour the appendix's rows: done green, overdue
 * red; in progress blue, not yet due grey, without a date amber. */
export const CLASS_COLOURS: Record<TaskClass, string> = {
  doneOnTime: '#107C10',
  doneLate: '#8CBD18',
  inProgress: '#0078D4',
  overdue: '#D13438',
  notDue: '#8A8886',
  notFixed: '#CA5010',
};

/** The document's fields the pane edits, in the form's order. */
export const DOCUMENT_FIELDS = ['governingAgency', 'agency', 'place', 'docSymbol', 'signerTitle', 'signerName', 'recipients'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];
/** The form's text per field (recipients one a line). */
export type DocumentForm = Record<DocumentField, string>;

/** What the form starts with: the workbook's settings, else what the plan's title rows say. */
export function documentDefaults(settings: Partial<Settings> | undefined, analysis: Analysis | null): DocumentForm {
  const titles = analysis?.titleBlock;
  return {
    governingAgency: settings?.governingAgency ?? titles?.governingAgency ?? '',
    agency: settings?.agency ?? analysis?.agency ?? titles?.agency ?? '',
    place: settings?.place ?? titles?.place ?? '',
    docSymbol: settings?.docSymbol ?? titles?.docSymbol ?? '',
    signerTitle: settings?.signerTitle ?? '',
    signerName: settings?.signerName ?? '',
    recipients: (settings?.recipients ?? []).join('\n'),
  };
}

/** The form as the report's overrides: blank fields left out (the defaults then apply). */
export function documentOverrides(form: DocumentForm): DocumentOverrides {
  const out: DocumentOverrides = {};
  for (const key of DOCUMENT_FIELDS) {
    const text = form[key].normalize('NFC').trim();
    if (text === '') continue;
    if (key === 'recipients') out.recipients = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    else out[key] = text;
  }
  return out;
}

/** The settings with the document's fields as typed; null when nothing changed. */
export function settingsWithDocument(settings: Settings, document: DocumentOverrides): Settings | null {
  const next: Settings = { ...settings };
  let changed = false;
  for (const key of DOCUMENT_FIELDS) {
    const value = document[key];
    if (value === undefined) continue;
    if (key === 'recipients') {
      const list = value as string[];
      if (JSON.stringify(list) !== JSON.stringify(settings.recipients ?? [])) {
        next.recipients = list;
        changed = true;
      }
    } else if (value !== settings[key]) {
      next[key] = value as string;
      changed = true;
    }
  }
  return changed ? next : null;
}

/** "BC-Quy-III-2024.docx", "BC-6-thang-2024.docx", "BC-Nam-2024.docx"; "Report-Q3-2024.docx";
 * the roll-up's "BC-Tong-hop-Quy-I-2024.docx", "Rollup-Q1-2024.docx". */
export function docxFileName(model: Pick<ReportModel, 'period' | 'lang'>, kind: 'report' | 'rollup' = 'report'): string {
  const { id, year } = model.period;
  const roman: Record<string, string> = { Q1: 'Quy-I', Q2: 'Quy-II', Q3: 'Quy-III', Q4: 'Quy-IV', H1: '6-thang', Y: 'Nam' };
  if (model.lang === 'en') return `${kind === 'rollup' ? 'Rollup' : 'Report'}-${id === 'Y' ? 'Year' : id}-${year}.docx`;
  return `BC-${kind === 'rollup' ? 'Tong-hop-' : ''}${roman[id]}-${year}.docx`;
}

export type { DocumentFields };
