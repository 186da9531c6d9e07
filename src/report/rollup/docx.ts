/**
 * The roll-up as a Word document in the administrative form the single-unit report uses
 * (Decree 30/2020/NĐ-CP, Appendix I; src/report/docx): the same header, title, tables and
 * closing blocks, with the roll-up's numbers — the same as its sheets and its JSON. The body is
 * a draft from the counts and lists (no invented facts): results overall, by unit and by reform
 * area, the overdue tasks of every unit, what each unit must complete, the files consolidated.
 * What nobody knows (number, place, signer) stays dotted for the official.
 */
import { Document, Packer, type Paragraph, type Table } from 'docx';
import { formatDate } from '../../i18n/dates';
import { DOTS, documentParts, FONT_SIZES, type DocumentFields } from '../document';
import { contentWidth, headerBlock, listTable, para, reportStyles, sectionPage, signerBlock, statsTable, titleBlock } from '../docx/blocks';
import { reportLabels } from '../labels';
import type { ReportTask } from '../model';
import { formatRate } from '../narrative';
import { periodWords } from '../periods';
import type { ListTable, StatsTable } from '../tables';
import { TASK_CLASSES, type ClassCounts } from '../classify';
import type { Lang } from '../../engine/model';
import { rollupLabels } from './labels';
import type { RollupModel } from './model';

type Block = Paragraph | Table;

const NO_FIELDS: DocumentFields = { governingAgency: null, agency: null, place: null, docSymbol: null, signerTitle: null, signerName: null, recipients: [] };

interface Words {
  summary: (period: string) => string;
  intro: (units: number, counted: number, files: number, asOf: string, due: string) => string;
  results: string;
  overall: (c: ClassCounts, rate: string) => string;
  byUnit: string;
  byArea: string;
  shortcomings: string;
  overdueLine: (n: number, units: number) => string;
  noOverdue: string;
  qualityIntro: string;
  quality: (unit: string, q: { noLead: number; noFixedDeadline: number; outputNotQuantified: number }) => string;
  qualityNone: string;
  files: string;
  counted: (file: string, sha: string) => string;
  proposals: string;
  proposalsDraft: string;
  table: string;
}

const VI: Words = {
  summary: (p) => `Tổng hợp kết quả thực hiện công tác cải cách hành chính ${p}`,
  intro: (units, counted, files, asOf, due) =>
    `Số liệu tổng hợp từ kế hoạch của ${units} đơn vị (${counted}/${files} tệp được tính); tình trạng nhiệm vụ tính đến ngày ${asOf}. Hạn gửi báo cáo: ngày ${due}.`,
  results: 'I. KẾT QUẢ THỰC HIỆN',
  overall: (c, rate) =>
    `Các đơn vị có tổng số ${c.total} nhiệm vụ; đã hoàn thành ${c.done} nhiệm vụ (${rate}), trong đó ${c.doneOnTime} nhiệm vụ hoàn thành đúng hạn và ${c.doneLate} nhiệm vụ hoàn thành quá hạn; ${c.inProgress} nhiệm vụ đang thực hiện trong hạn; ${c.overdue} nhiệm vụ quá hạn chưa hoàn thành; ${c.notDue} nhiệm vụ chưa đến hạn; ${c.notFixed} nhiệm vụ không có mốc thời gian.`,
  byUnit: 'KẾT QUẢ THEO ĐƠN VỊ',
  byArea: 'KẾT QUẢ THEO LĨNH VỰC CẢI CÁCH',
  shortcomings: 'II. TỒN TẠI, HẠN CHẾ',
  overdueLine: (n, units) => `Còn ${n} nhiệm vụ quá hạn chưa hoàn thành tại ${units} đơn vị (Bảng 3).`,
  noOverdue: 'Không có nhiệm vụ quá hạn chưa hoàn thành.',
  qualityIntro: 'Các dòng kế hoạch cần đơn vị hoàn thiện dữ liệu:',
  quality: (unit, q) => `- ${unit}: ${q.noLead} nhiệm vụ chưa có đơn vị chủ trì, ${q.noFixedDeadline} nhiệm vụ chưa có thời hạn cụ thể, ${q.outputNotQuantified} nhiệm vụ có sản phẩm chưa định lượng.`,
  qualityNone: 'Kế hoạch của các đơn vị đủ dữ liệu về đơn vị chủ trì, thời hạn và sản phẩm.',
  files: 'III. CÁC TỆP ĐÃ TIẾP NHẬN',
  counted: (file, sha) => `- ${file} (SHA-256 ${sha});`,
  proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  proposalsDraft: DOTS,
  table: 'Bảng',
};

const EN: Words = {
  summary: (p) => `Consolidated results of administrative reform work, ${p}`,
  intro: (units, counted, files, asOf, due) => `Consolidated from the plans of ${units} units (${counted}/${files} files counted); task status as of ${asOf}. Report due: ${due}.`,
  results: 'I. RESULTS',
  overall: (c, rate) =>
    `The units have ${c.total} tasks in all; ${c.done} are done (${rate}), ${c.doneOnTime} on time and ${c.doneLate} late; ${c.inProgress} are in progress on schedule; ${c.overdue} are overdue and not done; ${c.notDue} are not yet due; ${c.notFixed} have no fixed date.`,
  byUnit: 'RESULTS BY UNIT',
  byArea: 'RESULTS BY REFORM AREA',
  shortcomings: 'II. SHORTCOMINGS',
  overdueLine: (n, units) => `${n} tasks are overdue and not done in ${units} units (Table 3).`,
  noOverdue: 'No task is overdue.',
  qualityIntro: 'Plan rows the units must complete:',
  quality: (unit, q) => `- ${unit}: ${q.noLead} tasks without a lead unit, ${q.noFixedDeadline} without a fixed deadline, ${q.outputNotQuantified} with an output not quantified.`,
  qualityNone: 'The units’ plans give every lead unit, deadline and output.',
  files: 'III. FILES RECEIVED',
  counted: (file, sha) => `- ${file} (SHA-256 ${sha});`,
  proposals: 'IV. PROPOSALS',
  proposalsDraft: DOTS,
  table: 'Table',
};

function statsOf(lang: Lang, heading: string, nameHeading: string, rows: { name: string; counts: ClassCounts; rate: number | null }[], totals: ClassCounts, totalsRate: number | null): StatsTable {
  const L = reportLabels(lang);
  return {
    heading,
    columns: [L.stt, nameHeading, ...TASK_CLASSES.map((c) => L.classHeading[c]), L.total, L.done, L.rate],
    rows: rows.map((r, i) => ({ stt: String(i + 1), ...r })),
    totalsLabel: L.totalsRow,
    totals,
    totalsRate,
    note: null,
  };
}

/** Every unit's overdue tasks, in the summary's order, as one list. */
function overdueTable(model: RollupModel): ListTable {
  const L = reportLabels(model.lang);
  const R = rollupLabels(model.lang);
  const unitOf = new Map<ReportTask, string>();
  const tasks: ReportTask[] = [];
  for (const u of model.units) {
    for (const t of u.report.overdue) {
      unitOf.set(t, u.unit);
      tasks.push(t);
    }
  }
  const line = new Map(tasks.map((t, i) => [t, i + 1]));
  return {
    heading: R.heading.overdue,
    columns: [
      { key: 'stt', heading: L.stt, value: (t) => line.get(t) ?? '', align: 'center' },
      { key: 'lead', heading: R.unit, value: (t) => unitOf.get(t) ?? '', align: 'left' },
      { key: 'task', heading: L.task, value: (t) => t.task, align: 'left' },
      { key: 'issues', heading: L.lead, value: (t) => t.lead ?? L.noLead, align: 'left' },
      { key: 'due', heading: L.due, value: (t) => formatDate(t.due), align: 'center' },
      { key: 'days', heading: L.daysLate, value: (t) => t.daysLate ?? 0, align: 'center' },
    ],
    tasks,
    none: L.none,
  };
}

export function rollupDocument(model: RollupModel, fields: DocumentFields = NO_FIELDS): Document {
  const lang = model.lang;
  const W = lang === 'en' ? EN : VI;
  const R = rollupLabels(lang);
  const p = model.period;
  const parts = documentParts({ lang, period: p, asOf: model.asOf, sourceSheet: '', madeOn: model.madeOn, document: fields, formatDate });
  parts.summary = W.summary(periodWords(p.id, p.year, lang));
  const width = contentWidth();
  const counted = model.files.filter((f) => f.status === 'counted');
  const caption = (n: number, text: string) => para(`${W.table} ${n}. ${text}`, { bold: true, before: 6, after: 3, keepNext: true });
  const body = (text: string) => para(text, { indent: true, after: 6, align: 'justify' });
  const heading = (text: string) => para(text, { bold: true, before: 6, after: 6, keepNext: true });
  const units = statsOf(lang, W.byUnit, R.unit, model.units.map((u) => ({ name: u.unit, counts: u.counts, rate: u.rate })), model.total, model.totalRate);
  const areas = statsOf(lang, W.byArea, R.area, model.areas.map((a) => ({ name: a.name, counts: a.counts, rate: a.rate })), model.total, model.totalRate);
  const withOverdue = model.units.filter((u) => u.counts.overdue > 0).length;
  const toComplete = model.units.filter((u) => u.quality.noLead + u.quality.noFixedDeadline + u.quality.outputNotQuantified > 0);
  const notCounted = model.files.filter((f) => f.status !== 'counted' || f.reason);

  const children: Block[] = [
    headerBlock(parts, width),
    ...titleBlock(parts, width),
    para(W.intro(model.units.length, counted.length, model.files.length, formatDate(model.asOf), formatDate(p.due)), { italic: true, indent: true, after: 6 }),

    heading(W.results),
    body(W.overall(model.total, formatRate(model.totalRate, lang))),
    caption(1, W.byUnit),
    statsTable(units, lang, width),
    caption(2, W.byArea),
    statsTable(areas, lang, width),

    heading(W.shortcomings),
    body(model.total.overdue > 0 ? W.overdueLine(model.total.overdue, withOverdue) : W.noOverdue),
    caption(3, R.heading.overdue.replace(/^[IVXLC]+\.\s*/, '')),
    listTable(overdueTable(model), width),
    para('', { after: 3 }),
    body(toComplete.length > 0 ? W.qualityIntro : W.qualityNone),
    ...toComplete.map((u) => body(W.quality(u.unit, u.quality))),

    heading(W.files),
    ...counted.map((f) => para(W.counted(f.file, f.sha256 ?? ''), { size: FONT_SIZES.recipients, indent: true })),
    ...notCounted.map((f) => para(`- ${f.file}: ${f.reason ?? ''}`, { size: FONT_SIZES.recipients, indent: true })),

    heading(W.proposals),
    body(W.proposalsDraft),
    para('', { after: 6 }),
    signerBlock(parts, width),
  ];

  return new Document({
    title: `${parts.type} ${parts.summary}`,
    styles: reportStyles(lang),
    sections: [{ ...sectionPage(), children }],
  });
}

/** The .docx file's bytes (no Node API: the pane can build it too). */
export function rollupDocxBytes(model: RollupModel, fields?: DocumentFields): Promise<ArrayBuffer> {
  return Packer.toArrayBuffer(rollupDocument(model, fields));
}
