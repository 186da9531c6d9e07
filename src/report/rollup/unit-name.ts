/**
 * Which unit a plan belongs to, read from the rows above its table, and when two names mean the
 * same unit.
 *
 * A plan's upper-left title block names the governing body and, under it, the issuing unit:
 * "ỦY BAN NHÂN DÂN TỈNH X" / "SỞ NỘI VỤ", or "UBND HUYỆN Y" alone for the district's own plan.
 * The unit is the issuing body when there is one, else the people's committee. The national
 * title ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and the plan's own titles are not units.
 *
 * Vietnamese is written with two tone placements ("Ủy" / "Uỷ", "Hòa" / "Hoà") and in NFC or
 * NFD; "UBND" abbreviates "Ủy ban nhân dân". Names are compared under one form of each.
 */
import { cleanText, fold } from '../../engine/text';

/** Old-style tone placement on the second vowel of oa, oe, uy at a syllable's end → the first
 * vowel (the placement of the 1997 standard, which most offices now type). */
const OLD_TONES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const OLD_TONE_RE = new RegExp(`(${Object.keys(OLD_TONES).join('|')})(?![\\p{L}])`, 'giu');

function matchCase(source: string, target: string): string {
  return Array.from(target)
    .map((ch, i) => {
      const s = Array.from(source)[i] ?? '';
      return s !== '' && s === s.toUpperCase() && s !== s.toLowerCase() ? ch.toUpperCase() : ch;
    })
    .join('');
}

/** NFC, one space, tones placed as "Ủy ban", "Hòa Bình" (upper and lower case alike). */
export function normalizeUnitName(name: string): string {
  const t = cleanText(name.normalize('NFC')).replace(/\s+/g, ' ');
  return t.replace(OLD_TONE_RE, (m) => matchCase(m, OLD_TONES[m.toLowerCase()] ?? m)).normalize('NFC');
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/gu, 'ủy ban nhân dân'],
  [/\bhđnd\b/gu, 'hội đồng nhân dân'],
  [/\btp\.\s*/gu, 'thành phố '],
];

/**
 * Two names give the same key when they name the same unit as written: case, spacing, tone
 * placement, NFC/NFD and the abbreviations UBND, HĐND, TP. do not matter; diacritics do (two
 * communes may differ by a tone mark only).
 */
export function unitNameKey(name: string): string {
  let k = normalizeUnitName(name).toLowerCase();
  for (const [re, full] of ABBREVIATIONS) k = k.replace(re, full);
  return k.replace(/[\s.,;:]+$/, '').replace(/\s+/g, ' ').trim();
}

/** Local government levels a people's committee is named after. */
const LEVEL = '(tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong)';
const COMMITTEE_RE = new RegExp(`^(uy ban nhan dan|ubnd)( ${LEVEL}\\b.*)?$`);
/** Bodies that issue a plan of their own under a committee. */
const BODY_RE =
  /^(so|ban|phong|van phong|trung tam|cuc|chi cuc|tong cuc|thanh tra|dai|truong|benh vien|kho bac|bo chi huy|cong an|hoi dong|hoi|lien doan|ban quan ly|vien|bao|quy|doan|thi doan|huyen doan|tinh doan)\s+\S/;
/** Lines of the title block that are not a unit. */
const NOT_UNIT_RE = /^(\(|ban hanh|kem theo|phu luc|ke hoach|nhiem vu|danh muc|bieu|so:|so \d|v\/v|cong hoa|doc lap|bao cao|tong hop|trien khai|thuc hien|cai cach)/;
const NATIONAL_RE = /cong hoa xa hoi|doc lap\s*-?\s*tu do/;

export interface TitleLine {
  /** Row of the title block, 0-based from its top. */
  row: number;
  /** Column of the cell (sheet index). */
  col: number;
  text: string;
}

/** The lines of the title rows' cells (a cell may hold "UBND TỈNH X\nSỞ Y"), in reading order
 * of the upper-left block: by column, then by row. */
function titleLines(rows: readonly (readonly (string | null | undefined)[])[]): TitleLine[] {
  const lines: TitleLine[] = [];
  rows.forEach((cells, row) => {
    cells.forEach((cell, col) => {
      if (typeof cell !== 'string' || cell.trim() === '') return;
      for (const piece of cell.normalize('NFC').split(/\r\n|\r|\n/)) {
        const text = normalizeUnitName(piece).replace(/^[-–—_*•\s]+|[-–—_*\s]+$/g, '');
        if (text !== '') lines.push({ row, col, text });
      }
    });
  });
  // A cell with a line break keeps its own order; the block reads top-down within its column.
  return lines.map((l, i) => ({ l, i })).sort((a, b) => a.l.col - b.l.col || a.l.row - b.l.row || a.i - b.i).map(({ l }) => l);
}

/**
 * The unit named by a plan's title rows (the cells above the table's header, row by row), as
 * written (normalised: NFC, one tone placement), or null when the rows name none.
 */
export function unitFromTitles(rows: readonly (readonly (string | null | undefined)[])[]): string | null {
  const lines = titleLines(rows);
  let committee: string | null = null;
  let body: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const f = fold(text);
    if (NATIONAL_RE.test(f) || NOT_UNIT_RE.test(f)) continue;
    const m = COMMITTEE_RE.exec(f);
    if (m) {
      if (committee !== null) continue;
      if (m[2]) committee = text;
      else {
        // "ỦY BAN NHÂN DÂN" on one line, "HUYỆN Y" on the next.
        const next = lines[i + 1];
        if (next && new RegExp(`^${LEVEL}\\b`).test(fold(next.text))) {
          committee = `${text} ${next.text}`;
          i++;
        }
      }
      continue;
    }
    if (body === null && BODY_RE.test(f) && text.length <= 120) body = text;
  }
  return body ?? committee;
}
