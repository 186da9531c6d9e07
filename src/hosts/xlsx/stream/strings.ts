/**
 * Rich strings (CT_Rst): the items of xl/sharedStrings.xml and a cell's inline <is>. The text is
 * what Excel shows: the plain <t>, or the runs' <t> joined; phonetic guides (<rPh>, furigana)
 * are not part of it. `_xHHHH_` escapes (how OOXML stores control characters) are resolved and
 * the result is NFC, as exceljs + cell-value.ts give it.
 */
import type { ZipEntry, ZipParts } from '../zip/archive';
import { streamPart } from './parts';
import type { XmlHandler } from './xml';

/** `_xHHHH_` escapes resolved (how OOXML stores control characters in text). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collects one string item from the events between its <si>/<is> and the matching close. */
export class RichStringReader {
  collecting = false;
  private phonetic = false;
  private inRun = false;
  private current = '';
  private runText = '';
  private direct: string | null = null;
  private runs: string[] | null = null;

  start(): void {
    this.collecting = false;
    this.phonetic = false;
    this.inRun = false;
    this.direct = null;
    this.runs = null;
  }

  open(name: string): void {
    if (this.phonetic) return;
    if (name === 't') {
      this.current = '';
      this.collecting = true;
    } else if (name === 'r') {
      this.inRun = true;
      this.runText = '';
    } else if (name === 'rPh') {
      this.phonetic = true;
    }
  }

  close(name: string): void {
    if (this.phonetic) {
      if (name === 'rPh') this.phonetic = false;
      return;
    }
    if (name === 't') {
      this.collecting = false;
      const text = unescapeOoxml(this.current);
      if (this.inRun) this.runText += text;
      else this.direct = text;
    } else if (name === 'r') {
      this.inRun = false;
      (this.runs ??= []).push(this.runText);
    }
  }

  text(s: string): void {
    this.current += s;
  }

  /** The item's text (a plain <t> wins over runs, as in exceljs); null for an empty item. */
  value(): string | null {
    const v = this.direct !== null ? this.direct : this.runs !== null ? this.runs.join('') : null;
    return v === null ? null : v.normalize('NFC');
  }

  /** Whether the item is a plain <t> (not runs). */
  get plain(): boolean {
    return this.direct !== null;
  }
}

/** The shared string table, streamed; an item with no text is null (exceljs reads it so). */
export async function readSharedStrings(zip: ZipParts, entry: ZipEntry | undefined, cap: number): Promise<(string | null)[]> {
  const strings: (string | null)[] = [];
  if (!entry) return strings;
  const item = new RichStringReader();
  let inItem = false;
  const handler: XmlHandler = {
    collecting: false,
    open(name) {
      if (name === 'si') {
        inItem = true;
        item.start();
      } else if (inItem) {
        item.open(name);
        handler.collecting = item.collecting;
      }
    },
    close(name) {
      if (!inItem) return;
      if (name === 'si') {
        inItem = false;
        strings.push(item.value());
      } else {
        item.close(name);
      }
      handler.collecting = item.collecting;
    },
    text(s) {
      item.text(s);
    },
  };
  await streamPart(zip, entry, cap, handler);
  return strings;
}
