/**
 * What the title rows above the table say: the plan year ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM
 * 2024") and the agency ("(Kèm theo Kế hoạch số …/KH-SXD ngày … của Sở Xây dựng)").
 */
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './dates';
import { yearsInText } from './deadlines';
import type { TitleBlock } from './model';
import { cleanText, fold } from './text';

/** Year named as "năm 2024" in a title line; the dates of the cited document are skipped. */
export function yearFromTitles(lines: readonly string[]): number | null {
  const scored: { year: number; weight: number }[] = [];
  for (const line of lines) {
    const f = fold(line);
    const cited = /^\(?\s*(ban hanh )?kem theo|^so:|^\s*\S+, ngay/.test(f);
    // "ngày 15 tháng 01 năm 2024" dates a document, "năm 2024" after a subject names the plan year.
    const noDates = f.replace(/ngay\s*\d{0,2}\s*thang\s*\d{0,2}\s*nam\s*\d{4}/g, ' ').replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, ' ');
    for (const m of noDates.matchAll(/nam\s+(\d{4})\b/g)) {
      const y = Number(m[1]);
      if (y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX) continue;
      const subject = /cai cach|cchc|ke hoach|nhiem vu|phu luc/.test(f);
      scored.push({ year: y, weight: cited ? 1 : subject ? 3 : 2 });
    }
  }
  if (!scored.length) return null;
  scored.sort((a, b) => b.weight - a.weight);
  return scored[0].year;
}

/** The most frequent year among deadline texts (and serial dates), or null. */
export function yearFromDeadlines(texts: readonly string[], serialYears: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const t of texts) for (const y of yearsInText(t)) counts.set(y, (counts.get(y) ?? 0) + 1);
  for (const y of serialYears) if (y >= PLAN_YEAR_MIN && y <= PLAN_YEAR_MAX) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) if (n > bestCount || (n === bestCount && best !== null && y > best)) [best, bestCount] = [y, n];
  return best;
}

/** The agency that issues the plan, as written in the title rows, or null. */
export function agencyFromTitles(lines: readonly string[]): string | null {
  for (const raw of lines) {
    const line = cleanText(raw);
    const m = /k[èe]m theo .*?\bc[ủu]a\s+(.+?)\)?\s*$/iu.exec(line.normalize('NFC'));
    if (m) {
      const agency = m[1].replace(/[).*_\s]+$/, "").trim();
      if (agency.length >= 3 && agency.length <= 120) return agency;
    }
  }
  for (const raw of lines) {
    const line = cleanText(raw);
    const m = /\b((?:SỞ|Sở|UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN|BAN|Ban|PHÒNG|Phòng)\s[^,()]+?)(?:\s+(?:NĂM|năm)\s+\d{4}|$)/u.exec(line);
    if (m && !/^(ban hành|ban hanh)/i.test(m[1])) return m[1].trim();
  }
  return null;
}

const NATIONAL_TITLE = 'cong hoa xa hoi chu nghia viet nam';
const MOTTO = 'doc lap';
/** Where the document proper starts: its type or its heading ("PHỤ LỤC", "KẾ HOẠCH", "(Kèm
 * theo …"), or the number line. The agency block is above. */
const HEADING_RE = /^\(?\s*(phu luc|ke hoach|nhiem vu|danh muc|bieu|bang|chuong trinh|kem theo|ban hanh kem theo|so\s*:|so\b[\s\d.…]*\/)/;
/** An agency's name: a unit word first ("UBND TỈNH …", "SỞ …", "Ban …", "Phòng …", "Chi cục …"). */
const AGENCY_RE = /^(ubnd|uy ban nhan dan|so|ban|phong|chi cuc|cuc|bo|tong cuc|van phong|thanh tra|trung tam|hoi dong nhan dan|hdnd|tinh uy|huyen uy|dang uy)\b/;
/** The number of a document and its issuer's symbol: "12/KH-SCT", "Số: …/KH-SGTVT". */
const SYMBOL_RE = /\/\s*(?:KH|BC|QĐ|TB|CV)\s*-\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)/u;
/** The place before ", ngày": words from a capital letter, after anything else on the line. */
const PLACE_RE = /(?:^|[\s:])(\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,4})\s*,\s*ng[àa]y\b/u;

function isAgencyLine(text: string): boolean {
  const f = fold(text);
  if (f.includes(NATIONAL_TITLE) || f.startsWith(MOTTO) || /\bngay\b.*\bthang\b/.test(f)) return false;
  return text.length >= 3 && text.length <= 120 && AGENCY_RE.test(f) && !f.startsWith('ban hanh');
}

function placeIn(text: string): string | null {
  const m = PLACE_RE.exec(text.normalize('NFC'));
  if (!m) return null;
  // "Số: /KH-SXD Nam Định, ngày": the symbol's letters are not the place.
  const words = m[1].split(/\s+/);
  while (words.length > 1 && /^[\p{Lu}\d-]+$/u.test(words[0]) && words[0].includes('-')) words.shift();
  const place = words.join(' ').trim();
  return /^(số|so)$/i.test(place) || place.length < 2 ? null : place;
}

/**
 * The document header a plan's title rows carry (each row's filled cells, left to right): the
 * agency block is the first cell of the rows above the document's heading — two lines make the
 * governing and the issuing agency, one line the issuing agency alone; the place is read from
 * the place-and-date line, the symbol from the plan's number ("12/KH-SCT" → "SCT").
 */
export function titleBlockFromTitles(rows: readonly (readonly string[])[]): TitleBlock {
  const agencyLines: string[] = [];
  let place: string | null = null;
  let docSymbol: string | null = null;
  let inHeader = true;
  for (const cells of rows) {
    const texts = cells.map((c) => cleanText(c).normalize('NFC')).filter((t) => t !== '');
    if (texts.length === 0) continue;
    for (const t of texts) {
      place ??= placeIn(t);
      docSymbol ??= SYMBOL_RE.exec(t)?.[1] ?? null;
    }
    if (!inHeader) continue;
    if (HEADING_RE.test(fold(texts[0]))) {
      inHeader = false;
      continue;
    }
    if (isAgencyLine(texts[0]) && agencyLines.length < 2) agencyLines.push(texts[0]);
  }
  const [first, second] = agencyLines;
  return {
    governingAgency: second !== undefined ? first : null,
    agency: second ?? first ?? null,
    place,
    docSymbol,
  };
}
