/**
 * Reading a .docx the way a person reads it, for the tests: word/document.xml unzipped, its
 * tables as rows of cell texts and its paragraphs outside tables as lines. No Word involved.
 */
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** The text of an XML fragment: its <w:t> runs, tabs as spaces. */
function runs(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) out += m[1] === undefined ? ' ' : decode(m[1]);
  return out;
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runs(m[0]));
}

export interface DocxText {
  /** document.xml as written. */
  xml: string;
  /** Every table (not nested): rows of cells, each cell's paragraphs joined with "\n". */
  tables: string[][][];
  /** The paragraphs outside tables, in order. */
  body: string[];
  /** Every paragraph, tables included, in order: the text a reader sees. */
  all: string[];
}

export async function readDocx(bytes: ArrayBuffer | Buffer): Promise<DocxText> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n'))),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return { xml, tables, body: paragraphs(outside), all: paragraphs(xml) };
}
