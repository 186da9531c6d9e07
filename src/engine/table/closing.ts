/**
 * Rows that are part of the sheet but never of the plan's work: the totals that close a table
 * ("Tổng cộng" with the budget sums), the signature block under it ("KT. GIÁM ĐỐC", "(Đã ký)",
 * the signer's name) and notes ("Ghi chú: …", "Nơi nhận:"). None of them may become a task or
 * continue one.
 */
import type { ColumnRole } from '../model';
import { fold } from '../text';

export interface ClosingCell {
  col: number;
  role: ColumnRole | null;
  text: string;
}

const NOTE_RE = /^(ghi chu|luu y|chu thich|chu y|noi nhan|\(\*+\)|\*+\s|nguon so lieu|nguoi lap bieu\b)/;
/** Cheap first-letter test before folding (this runs on every row). */
const NOTE_START_RE = /^[gGlLcCnN(*]/;

/** "Ghi chú: …", "Lưu ý: …", "Nơi nhận:", "(*) …". */
export function isNoteText(text: string): boolean {
  return NOTE_START_RE.test(text) && NOTE_RE.test(fold(text));
}

/** "Tổng cộng", "Cộng", "Cộng mục I", "Tổng số (I+II)", "Tổng kinh phí:". */
const TOTAL_RE = /^(tong cong|tong so|tong kinh phi|tong|cong|cong kinh phi)(\s+(muc|phan)\s+\S+|\s+[ivxl]+|\s*\([^)]*\))?\s*:?$/;
/** A sum as a converter or a typist leaves it: "1.500.000", "250,5 triệu", "1,2 tỷ đồng". */
const AMOUNT_RE = /^[\d.,\s]+\s*(d|dong|vnd|nghin|nghin dong|trieu|trieu dong|ty|ty dong|nhiem vu)?$/;
/** Cheap test before folding: "Tổng …", "Cộng …" in any case. */
const TOTAL_START_RE = /^(t[ổo]ng|c[ộo]ng)(\s|:|\(|$)/i;
const AMOUNT_START_RE = /^[\d.,]/;

/** A totals row: "total" for the grand total that ends the table, "subtotal" for "Cộng …"
 * lines a table may hold after each section. */
export function totalsRow(cells: readonly ClosingCell[]): 'total' | 'subtotal' | null {
  // The words sit in the first cell that is not a sum (a budget column may come first).
  let at = 0;
  while (at < cells.length && AMOUNT_START_RE.test(cells[at].text) && isAmount(cells[at].text)) at++;
  const first = cells[at];
  if (!first || first.text.length > 40 || !TOTAL_START_RE.test(first.text)) return null;
  const m = TOTAL_RE.exec(fold(first.text));
  if (!m) return null;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i === at || c.role === 'budget' || c.role === 'note') continue;
    if (!isAmount(c.text)) return null;
  }
  return m[1] === 'cong' || m[1] === 'cong kinh phi' ? 'subtotal' : 'total';
}

/** Digits, dots and commas only ("12", "1.500.000"): folding would leave the text as it is. */
const PLAIN_AMOUNT_RE = /^[\d.,]+$/;

/** A sum. Plain numbers (every task number in the STT column comes here) are told without
 * folding; any other text is folded and matched. */
function isAmount(text: string): boolean {
  return PLAIN_AMOUNT_RE.test(text) || AMOUNT_RE.test(fold(text));
}

/** Titles a signer writes over the signature, in capitals. */
const SIGN_TITLE_RE = /^((tm|kt|q|tl|tuq|t\/m)\.?\s+\S.*|(pho )?(chu tich|giam doc|truong phong|chanh van phong|truong ban|thu truong|bo truong|cuc truong|chi cuc truong|vu truong|hieu truong|tong giam doc|chanh thanh tra)(\s.*)?|nguoi lap( bieu)?|nguoi duyet|nguoi ky|thu truong don vi|xac nhan cua .*)$/;
/** "(Đã ký)", "(Ký, ghi rõ họ tên)", "(ký tên, đóng dấu)", "Đã ký". */
const SIGNED_RE = /^\((da )?ky\b[^()]*\)$|^da ky$|^\(da ky va dong dau\)$/;
/** Common family names: a signer's name under the title ("Nguyễn Văn An"). */
const SURNAMES: ReadonlySet<string> = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'dinh', 'dao', 'doan', 'luong', 'trinh', 'mai', 'lam', 'cao', 'ha', 'ta', 'chu', 'quach', 'thai', 'ton', 'tang', 'kieu',
  'luu', 'vuong', 'nong', 'hua', 'lai', 'chau', 'phung', 'tieu', 'dieu', 'khuc', 'giang', 'au', 'la', 'thach', 'tong',
]);
const NAME_WORD_RE = /^\p{Lu}[\p{Ll}]*$|^\p{Lu}+$/u;

function isUpper(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** "Nguyễn Văn An", "TRẦN THỊ BÌNH": two to five capitalised words, a family name first. */
export function isPersonName(text: string): boolean {
  if (text.length > 40) return false;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  if (!SURNAMES.has(fold(words[0]))) return false;
  return words.every((w) => NAME_WORD_RE.test(w));
}

type SignPart = 'title' | 'signed' | 'name' | null;

/** Cheapest tests first: this runs on every short row under the first task. */
function signPart(text: string): SignPart {
  if (text.length > 60) return null;
  const c = text.charCodeAt(0);
  if (c === 40 /* ( */ || c === 0x110 /* Đ */ || c === 0x111 /* đ */) return SIGNED_RE.test(fold(text)) ? 'signed' : null;
  if (isUpper(text)) return SIGN_TITLE_RE.test(fold(text)) ? 'title' : isPersonName(text) ? 'name' : null;
  return isPersonName(text) ? 'name' : null;
}

/** Columns where a person's name is the plan's own data ("Người thực hiện": a named officer). */
const PEOPLE_ROLES: ReadonlySet<ColumnRole | null> = new Set<ColumnRole | null>(['lead', 'support', 'monitor']);

/** Every cell of an unnumbered row belongs to a signature block: titles (in capitals),
 * "(Đã ký)", or signers' names. Names alone count only off the columns that may name
 * officers, or when two signers stand side by side. */
export function isSignatureRow(cells: readonly ClosingCell[]): boolean {
  if (cells.length === 0 || cells.length > 4) return false;
  let strong = false;
  let namesOffPeople = 0;
  for (const c of cells) {
    const part = signPart(c.text);
    if (part === null) return false;
    if (part !== 'name') strong = true;
    else if (!PEOPLE_ROLES.has(c.role)) namesOffPeople++;
  }
  return strong || cells.length >= 2 || namesOffPeople === cells.length;
}
