/**
 * What the title rows above the table say: the plan year ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM
 * 2024") and the agency ("(Kèm theo Kế hoạch số …/KH-SXD ngày … của Sở Xây dựng)").
 */
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './dates';
import { yearsInText } from './deadlines';
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
