/** A sheet-scoped name as the fake workbook keeps it, and the formula NamedItem.formula reads. */
import { colLetters, type Rect } from './address';

/** A name scoped to one sheet (Worksheet.names): a range of that sheet, which moves with its
 * cells when rows are inserted, or a formula such as an array constant. */
export interface SheetNameState {
  name: string;
  ref: Rect | null;
  formula: string | null;
  comment: string;
  /** Excel's own names for the page layout's print area and print titles (PageLayout keeps
   * them; deleting the name clears the setting). */
  builtIn?: 'area' | 'titles';
}

/** What a name refers to, as NamedItem.formula reads it: "='Phụ lục'!$M$6" or the formula. */
export function nameFormula(sheetName: string, n: SheetNameState): string {
  if (!n.ref) return n.formula ?? '';
  const abs = (r: number, c: number) => `$${colLetters(c)}$${r + 1}`;
  const cells = n.ref.top === n.ref.bottom && n.ref.left === n.ref.right ? abs(n.ref.top, n.ref.left) : `${abs(n.ref.top, n.ref.left)}:${abs(n.ref.bottom, n.ref.right)}`;
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `=${quoted}!${cells}`;
}
