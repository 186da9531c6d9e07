/**
 * FormatChange.fontLike: "the font of that cell", resolved against the worksheet as it is
 * before the change set — the cell's format (its `s`), else its row's, else its column's — into
 * the font name and size the format then sets.
 */
import { a1 } from '../../../engine/a1';
import type { FormatChange } from '../../../engine/model';
import type { StyleBook } from './styles';
import { attr, parseStartTag } from './xml';

/** The format index of the cell at row, col (0-based) in the sheetData bytes start…end. */
export function cellFormatAt(data: Buffer, start: number, end: number, prefix: string, row: number, col: number, columnStyle: (col: number) => number): number {
  const rowOpen = `<${prefix}row`;
  let previous = -1;
  for (let at = data.indexOf(rowOpen, start); at >= 0 && at < end; at = data.indexOf(rowOpen, at + 1)) {
    const after = data[at + rowOpen.length];
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) continue;
    const gt = data.indexOf('>', at);
    const tag = parseStartTag(data.toString('utf8', at, gt + 1));
    const r = attr(tag, 'r');
    const number = r === undefined ? previous + 1 : Number(r) - 1;
    previous = number;
    if (number < row) continue;
    if (number > row) break;
    const rowStyle = attr(tag, 'customFormat') === '1' ? attr(tag, 's') : undefined;
    if (!tag.selfClosing) {
      const close = data.indexOf(`</${prefix}row>`, gt);
      const text = data.toString('utf8', gt + 1, close < 0 ? end : close);
      const ref = a1(row, col);
      const cell = new RegExp(`<${prefix.replace('.', '\\.')}c\\s[^>]*\\br\\s*=\\s*["']\\$?${ref.replace(/(\d)/, '\\$?$1')}["'][^>]*>`).exec(text);
      if (cell) return Number(attr(parseStartTag(cell[0]), 's') ?? 0);
    }
    return rowStyle !== undefined ? Number(rowStyle) : columnStyle(col);
  }
  return columnStyle(col);
}

/** The change set's formats with every fontLike resolved to fontName and fontSize. */
export function resolveFontLike(formats: readonly FormatChange[], formatAt: (row: number, col: number) => number, styles: StyleBook): FormatChange[] {
  const fonts = new Map<string, { name: string | undefined; size: number | undefined }>();
  return formats.map((f) => {
    if (!f.fontLike) return f;
    const key = `${f.fontLike.row}:${f.fontLike.col}`;
    let font = fonts.get(key);
    if (!font) fonts.set(key, (font = styles.fontOf(formatAt(f.fontLike.row, f.fontLike.col))));
    const { fontLike: _, ...rest } = f;
    return { ...rest, ...(font.name !== undefined && f.fontName === undefined ? { fontName: font.name } : {}), ...(font.size !== undefined && f.fontSize === undefined ? { fontSize: font.size } : {}) };
  });
}
