/**
 * The draft of a periodic CCHC report's body (report.md, "The report as a document"): the usual
 * outline — I. direction and organisation; II. results by reform area; III. overall assessment;
 * IV. tasks for the next period; V. proposals — with sentences made from the counts and the lists
 * only. Templates with the numbers filled in, never an invented fact: what only the official
 * knows is a dotted placeholder with a hint in brackets. The Word report (docx/) lays it out.
 */
import type { Lang } from '../engine/model';
import { fold } from '../engine/text';
import { formatDate } from '../i18n/dates';
import type { ClassCounts } from './classify';
import { PLACEHOLDER } from './document';
import type { ReportModel, ReportTask, SectionStats } from './model';
import { periodWords } from './periods';

export interface AreaDraft {
  /** Index in ReportModel.bySection. */
  area: number;
  /** "1. Cải cách thể chế". */
  heading: string;
  sentence: string;
}

export interface NarrativeDraft {
  opening: string;
  direction: { heading: string; paragraphs: string[] };
  results: { heading: string; intro: string; areas: AreaDraft[] };
  assessment: { heading: string; strengths: { heading: string; paragraphs: string[] }; shortcomings: { heading: string; paragraphs: string[] } };
  nextPeriod: { heading: string; intro: string; tasks: string[]; overdueNote: string | null };
  proposals: { heading: string; paragraphs: string[] };
}

/** Abbreviations kept in capitals when a title is put in sentence case. */
const ACRONYMS = new Set(['CCHC', 'TTHC', 'UBND', 'HĐND', 'CNTT', 'QPPL', 'PAR', 'INDEX', 'SIPAS', 'PAPI', 'PCI', 'ISO', 'TCVN', 'DVC', 'KT-XH', 'CBCCVC', 'CBCC', 'VPĐT']);
const VOWELS = /[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

function isAcronym(word: string): boolean {
  const bare = word.replace(/^[("“]+|[)"”.,;:]+$/g, '');
  if (bare.length < 2 || bare !== bare.toLocaleUpperCase('vi') || !/\p{L}/u.test(bare)) return false;
  // A word of capitals without a vowel cannot be read as a word: an abbreviation ("TTHC").
  return ACRONYMS.has(bare) || !VOWELS.test(bare);
}

/**
 * A plan's heading inside a sentence: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" → "cải cách thủ tục hành
 * chính"; abbreviations stay ("TTHC"); a heading already in mixed case only loses its capital
 * first letter.
 */
export function sentenceCase(title: string): string {
  const t = title.normalize('NFC').trim().replace(/\s+/g, ' ');
  const letters = t.replace(/[^\p{L}]/gu, '');
  const allCaps = letters !== '' && letters === letters.toLocaleUpperCase('vi');
  const words = t.split(' ');
  if (allCaps) return words.map((w) => (isAcronym(w) ? w : w.toLocaleLowerCase('vi'))).join(' ');
  const first = words[0] ?? '';
  if (isAcronym(first)) return t;
  return first.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
}

/** 0.42857 → "42,9%" (Vietnamese) or "42.9%"; "" when there is no rate (no task). */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null) return '';
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${lang === 'en' ? text : text.replace('.', ',')}%`;
}

/** The area of direction and organisation ("Công tác chỉ đạo, điều hành …"): it belongs to I. */
function isDirection(s: SectionStats): boolean {
  const f = fold(s.title);
  return f.includes('chi dao') && f.includes('dieu hanh');
}

interface Words {
  area: (name: string) => string;
  noArea: string;
  counts: (c: ClassCounts) => string[];
  overdue: (n: number, list: string) => string;
  taskRef: (t: ReportTask) => string;
  noTasks: string;
}

const quote = (s: string) => `“${s.normalize('NFC').replace(/\s+/g, ' ').trim()}”`;

const VI: Words = {
  area: (name) => `Lĩnh vực ${name}`,
  noArea: 'Các nhiệm vụ chưa thuộc lĩnh vực nào',
  counts: (c) => [
    `${c.done}/${c.total} nhiệm vụ hoàn thành${c.doneLate > 0 ? ` (trong đó ${c.doneLate} nhiệm vụ hoàn thành quá hạn)` : ''}`,
    ...(c.inProgress > 0 ? [`${c.inProgress} nhiệm vụ đang thực hiện trong hạn`] : []),
    ...(c.notDue > 0 ? [`${c.notDue} nhiệm vụ chưa đến hạn`] : []),
    ...(c.notFixed > 0 ? [`${c.notFixed} nhiệm vụ chưa có mốc thời gian cụ thể`] : []),
  ],
  overdue: (n, list) => `${n} nhiệm vụ quá hạn: ${list}`,
  taskRef: (t) => `${quote(t.task)} (hạn ${formatDate(t.due)}, quá ${t.daysLate ?? 0} ngày)`,
  noTasks: 'không có nhiệm vụ',
};

const EN: Words = {
  area: (name) => `Area “${name}”`,
  noArea: 'Tasks outside any area',
  counts: (c) => [
    `${c.done} of ${c.total} tasks done${c.doneLate > 0 ? ` (${c.doneLate} of them late)` : ''}`,
    ...(c.inProgress > 0 ? [`${c.inProgress} in progress on schedule`] : []),
    ...(c.notDue > 0 ? [`${c.notDue} not yet due`] : []),
    ...(c.notFixed > 0 ? [`${c.notFixed} without a fixed date`] : []),
  ],
  overdue: (n, list) => `${n} overdue: ${list}`,
  taskRef: (t) => `${quote(t.task)} (due ${formatDate(t.due)}, ${t.daysLate ?? 0} days late)`,
  noTasks: 'no tasks',
};

/** "Lĩnh vực cải cách thể chế: 5/7 nhiệm vụ hoàn thành, 2 nhiệm vụ quá hạn: “…” (hạn …)." */
export function areaSentence(s: SectionStats, overdue: readonly ReportTask[], lang: Lang): string {
  const W = lang === 'en' ? EN : VI;
  const subject = s.section === null ? W.noArea : W.area(sentenceCase(s.title));
  if (s.counts.total === 0) return `${subject}: ${W.noTasks}.`;
  const parts = W.counts(s.counts);
  if (overdue.length > 0) parts.push(W.overdue(overdue.length, overdue.map(W.taskRef).join('; ')));
  return `${subject}: ${parts.join(', ')}.`;
}

/** The sentence of the whole plan's counts, for the assessment. */
function overallSentence(model: ReportModel): string {
  const t = model.total;
  const rate = formatRate(model.totalRate, model.lang);
  const asOf = formatDate(model.asOf);
  const areas = model.bySection.filter((s) => s.section !== null).length;
  if (model.lang === 'en') {
    return `The ${model.planYear} plan has ${t.total} tasks in ${areas} areas. As of ${asOf}, ${t.done} of ${t.total} are done (${rate || '—'}): ${t.doneOnTime} on time and ${t.doneLate} late; ${t.inProgress} are in progress on schedule, ${t.overdue} overdue, ${t.notDue} not yet due and ${t.notFixed} without a fixed date.`;
  }
  return `Kế hoạch cải cách hành chính năm ${model.planYear} có ${t.total} nhiệm vụ thuộc ${areas} lĩnh vực. Tính đến ngày ${asOf}, đã hoàn thành ${t.done}/${t.total} nhiệm vụ${rate ? ` (đạt ${rate})` : ''}, trong đó ${t.doneOnTime} nhiệm vụ hoàn thành đúng hạn, ${t.doneLate} nhiệm vụ hoàn thành quá hạn; ${t.inProgress} nhiệm vụ đang thực hiện trong hạn; ${t.overdue} nhiệm vụ quá hạn chưa hoàn thành; ${t.notDue} nhiệm vụ chưa đến hạn; ${t.notFixed} nhiệm vụ chưa có mốc thời gian cụ thể.`;
}

/** A dotted line the official fills in, with what belongs there in brackets. */
function toFill(hint: string): string {
  return `${PLACEHOLDER} (${hint})`;
}

export function narrativeDraft(model: ReportModel): NarrativeDraft {
  const lang = model.lang;
  const en = lang === 'en';
  const period = periodWords(model.period.id, model.period.year, lang);
  const next = periodWords(model.next.id, model.next.year, lang);
  const overdueOf = (i: number) => model.overdue.filter((t) => t.area === i);
  const areas = model.bySection.map((s, i) => ({ s, i }));
  const direction = areas.filter(({ s }) => isDirection(s));
  const results = areas.filter(({ s }) => !isDirection(s));
  const agency = agencyInSentence(model) ?? (en ? 'The agency' : PLACEHOLDER);

  const upcoming = model.upcoming.map((t) => {
    const lead = t.lead ?? (en ? 'no lead unit' : 'chưa xác định đơn vị chủ trì');
    const due = t.due ? formatDate(t.due) : t.deadlineText;
    return en ? `${t.task} (lead: ${lead}; due ${due}).` : `${t.task} (chủ trì: ${lead}; hạn ${due}).`;
  });
  const quality = model.dataQuality.length;
  const overdue = model.total.overdue;

  return {
    opening: en
      ? `Carrying out its administrative reform plan for ${model.planYear}, ${agency} reports the results of administrative reform work in ${period} as follows:`
      : `Thực hiện Kế hoạch cải cách hành chính năm ${model.planYear}, ${agency} báo cáo kết quả thực hiện công tác cải cách hành chính ${period} như sau:`,
    direction: {
      heading: en ? 'I. DIRECTION AND ORGANISATION' : 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      paragraphs: [
        ...direction.map(({ s, i }) => areaSentence(s, overdueOf(i), lang)),
        toFill(en ? 'plans and documents issued, inspections, communication on administrative reform in the period' : 'việc ban hành kế hoạch, văn bản chỉ đạo; kiểm tra; tuyên truyền cải cách hành chính trong kỳ'),
      ],
    },
    results: {
      heading: en ? 'II. RESULTS BY REFORM AREA' : 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      intro: en ? 'The tasks by reform area and by lead unit are counted in Tables 1 and 2.' : 'Kết quả thực hiện nhiệm vụ theo lĩnh vực cải cách và theo đơn vị chủ trì tại Bảng 1 và Bảng 2.',
      areas: results.map(({ s, i }, n) => ({
        area: i,
        heading: `${n + 1}. ${s.section === null ? (en ? 'Tasks outside any area' : 'Nhiệm vụ chưa thuộc lĩnh vực nào') : capitalise(sentenceCase(s.title))}`,
        sentence: areaSentence(s, overdueOf(i), lang),
      })),
    },
    assessment: {
      heading: en ? 'III. OVERALL ASSESSMENT' : 'III. ĐÁNH GIÁ CHUNG',
      strengths: {
        heading: en ? '1. Strengths' : '1. Ưu điểm',
        paragraphs: [overallSentence(model), toFill(en ? 'what went well and why' : 'kết quả nổi bật và nguyên nhân')],
      },
      shortcomings: {
        heading: en ? '2. Shortcomings and their causes' : '2. Tồn tại, hạn chế và nguyên nhân',
        paragraphs: [
          overdue > 0
            ? en ? `${overdue} tasks are overdue and not done (Table 3).` : `Còn ${overdue} nhiệm vụ quá hạn chưa hoàn thành (Bảng 3).`
            : en ? 'No task is overdue.' : 'Không có nhiệm vụ quá hạn chưa hoàn thành.',
          quality > 0
            ? en ? `${quality} tasks lack what is needed to follow them (lead unit, deadline or output) (Table 4).` : `${quality} nhiệm vụ chưa đủ thông tin để theo dõi (đơn vị chủ trì, thời hạn hoặc sản phẩm) (Bảng 4).`
            : en ? 'Every task has a lead unit, a deadline and an output.' : 'Các nhiệm vụ đều có đơn vị chủ trì, thời hạn và sản phẩm.',
          en ? `Causes: ${toFill('to be written by the agency')}` : `Nguyên nhân: ${toFill('đơn vị bổ sung')}`,
        ],
      },
    },
    nextPeriod: {
      heading: en ? 'IV. TASKS FOR THE NEXT PERIOD' : 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      intro:
        upcoming.length > 0
          ? en ? `In ${next}, ${upcoming.length} tasks fall due (Table 5):` : `Trong ${next}, tập trung hoàn thành ${upcoming.length} nhiệm vụ đến hạn (Bảng 5):`
          : en ? `No task falls due in ${next} (Table 5).` : `Trong ${next}, không có nhiệm vụ đến hạn (Bảng 5).`,
      tasks: upcoming,
      overdueNote: overdue > 0 ? (en ? `Finish the ${overdue} overdue tasks listed in III.` : `Khẩn trương hoàn thành ${overdue} nhiệm vụ quá hạn nêu tại mục III.`) : null,
    },
    proposals: {
      heading: en ? 'V. PROPOSALS' : 'V. ĐỀ XUẤT, KIẾN NGHỊ',
      paragraphs: [toFill(en ? 'to be written by the agency' : 'đơn vị bổ sung')],
    },
  };
}

function allCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters !== '' && letters === letters.toLocaleUpperCase('vi');
}

/** The agency as a sentence names it: as the plan writes it in running text ("Sở Công Thương
 * tỉnh Bình An"), else the header's capitals in sentence case with a capital first letter. */
function agencyInSentence(model: ReportModel): string | null {
  for (const name of [model.agency, model.document.agency]) if (name && !allCaps(name)) return name;
  const caps = model.document.agency ?? model.agency;
  return caps ? capitalise(sentenceCase(caps)) : null;
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}
