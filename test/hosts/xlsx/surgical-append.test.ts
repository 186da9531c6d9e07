/**
 * The surgical writer's append fast path (sheet-data.ts): a row whose new cells all lie right of
 * its existing ones is written without decoding its cells. It must make the bytes the general
 * path makes of the same row, and hand every other row to the general path: checked on the
 * cases it takes and each reason it must not, then on random rows and change sets through both
 * paths. Also: the plain start-tag reader (xml.ts) against the general one, the deflaters
 * (zip/writer.ts) against each other, and the one-pass reading of the merges.
 */
import fc from 'fast-check';
import zlib from 'zlib';
import type { CellRange, ChangeSet } from '../../../src/engine/model';
import { gatherEdits } from '../../../src/hosts/xlsx/surgical/cells';
import { editSheetData } from '../../../src/hosts/xlsx/surgical/sheet-data';
import { MINIMAL_STYLES, StyleBook } from '../../../src/hosts/xlsx/surgical/styles';
import { childElements, parseStartTag, renderStartTag } from '../../../src/hosts/xlsx/surgical/xml';
import { parseMerges } from '../../../src/hosts/xlsx/surgical/worksheet-parts';
import { BackgroundDeflater, PartDeflater } from '../../../src/hosts/xlsx/zip/writer';

const GRID = { maxRows: 1_048_576, maxCols: 16_384 };

function changeSet(part: Partial<ChangeSet>): ChangeSet {
  return { sheet: 'S', writes: [], formats: [], validations: [], conditionalFormats: { tag: '', rules: [] }, sheets: [], ...part };
}

/** The sheetData content edited, with the fast path or without; the rows it took. */
function edit(rows: string, changes: ChangeSet, fast: boolean, prefix = ''): { xml: string; appended: number } {
  const data = Buffer.from(`<x>${rows}</x>`, 'utf8');
  const edits = gatherEdits(changes, 0, [], GRID);
  const out: Buffer[] = [];
  const sink = { text: (t: string) => out.push(Buffer.from(t, 'utf8')), bytes: (d: Uint8Array, from: number, to: number) => out.push(Buffer.from(d.subarray(from, to))) };
  const ctx = { prefix, styles: new StyleBook(MINIMAL_STYLES), columnStyle: () => 0, appendFastPath: fast };
  const result = editSheetData(data, 3, data.length - 4, edits, ctx, sink);
  return { xml: Buffer.concat(out).toString('utf8'), appended: result.appended };
}

/** Both paths on the same input: the same bytes; how many rows the fast path took. */
function bothPaths(rows: string, changes: ChangeSet, prefix = ''): { xml: string; appended: number } {
  const general = edit(rows, changes, false, prefix);
  const fast = edit(rows, changes, true, prefix);
  expect(general.appended).toBe(0);
  expect(fast.xml).toBe(general.xml);
  return fast;
}

const writeAt = (row: number, col: number, value: string | number): ChangeSet['writes'][number] => ({ range: { top: row, left: col, bottom: row, right: col }, values: [[value]] });

describe('the append fast path', () => {
  test('takes a row whose new cells lie right of its cells: cells kept as they are, spans grown, new cells after the last one', () => {
    const rows = '<row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" s="1" t="s"><v>0</v></c><c r="B2"><v>7</v></c></row>';
    const { xml, appended } = bothPaths(rows, changeSet({ writes: [writeAt(1, 4, 'mới'), writeAt(1, 3, 5)] }));
    expect(appended).toBe(1);
    expect(xml).toBe(
      '<row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2" s="1" t="s"><v>0</v></c><c r="B2"><v>7</v></c>' +
        '<c r="D2"><v>5</v></c><c r="E2" t="inlineStr"><is><t>mới</t></is></c></row>',
    );
  });

  test('keeps what follows the last cell after the new cells, and reads references of any shape the general path reads', () => {
    const rows = "<row r=\"3\">\n  <c r='a3' s=\"2\"/>\n  <c  r=\"$B$3\"><v>1</v></c>\n</row>";
    const { xml, appended } = bothPaths(rows, changeSet({ writes: [writeAt(2, 2, 9)] }));
    expect(appended).toBe(1);
    expect(xml).toBe("<row r=\"3\">\n  <c r='a3' s=\"2\"/>\n  <c  r=\"$B$3\"><v>1</v></c><c r=\"C3\"><v>9</v></c>\n</row>");
  });

  test('sets a row height on a row without new cells', () => {
    const { xml, appended } = bothPaths('<row r="1"><c r="A1"/></row>', changeSet({ rowHeights: [{ row: 0, height: 30, before: 15 }] }));
    expect(appended).toBe(1);
    expect(xml).toBe('<row r="1" ht="30" customHeight="1"><c r="A1"/></row>');
  });

  test('works with the sheet’s namespace prefix', () => {
    const rows = '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>';
    const { xml, appended } = bothPaths(rows, changeSet({ writes: [writeAt(0, 1, 2)] }), 'x:');
    expect(appended).toBe(1);
    expect(xml).toBe('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>');
  });

  const row = '<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>';
  test.each<[string, string, ChangeSet]>([
    ['a cell of the row is taken back', row, changeSet({ writes: [writeAt(0, 5, 1)], removals: { cells: [{ top: 0, left: 0, bottom: 0, right: 0 }] } as ChangeSet['removals'] })],
    ['the edit is at an existing cell', row, changeSet({ writes: [writeAt(0, 2, 9)] })],
    ['an existing cell lies after the edit', row, changeSet({ writes: [writeAt(0, 1, 9)] })],
    ['an existing cell lies after the edit, cells out of order', '<row r="1"><c r="C1"/><c r="A1"/></row>', changeSet({ writes: [writeAt(0, 1, 9)] })],
    ['a cell has no reference', '<row r="1"><c r="A1"/><c><v>2</v></c></row>', changeSet({ writes: [writeAt(0, 5, 9)] })],
    ['the row closes itself', '<row r="1" spans="1:1"/>', changeSet({ writes: [writeAt(0, 5, 9)] })],
    ['the row has no cell', '<row r="1"> </row>', changeSet({ writes: [writeAt(0, 5, 9)] })],
    ['the cells carry another prefix than the sheet', '<row r="1"><x:c r="A1"/></row>', changeSet({ writes: [writeAt(0, 5, 9)] })],
  ])('leaves the row to the general path when %s', (_, rows, changes) => {
    expect(bothPaths(rows, changes).appended).toBe(0);
  });

  test('leaves to the general path a row where an orphaned shared formula finds its next user', () => {
    const rows =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>';
    // The master is overwritten: row 2's cell becomes the master, row 3's stays a user.
    const changes = changeSet({ writes: [writeAt(0, 0, 1), writeAt(1, 3, 'x'), writeAt(2, 3, 'y')] });
    const { xml, appended } = bothPaths(rows, changes);
    expect(xml).toContain('<c r="A2"><f t="shared" si="0" ref="A2:A3">B2*2</f><v>4</v></c><c r="D2"');
    // Row 2 held the orphan's next user; row 3 then had nothing left to adopt.
    expect(appended).toBe(1);
  });

  test('refuses an element that is not a cell as the general path does', () => {
    const rows = '<row r="1"><c r="A1"/><cx/></row>';
    const changes = changeSet({ writes: [writeAt(0, 5, 9)] });
    expect(() => edit(rows, changes, false)).toThrow('unexpected element in row 1');
    expect(() => edit(rows, changes, true)).toThrow('unexpected element in row 1');
  });

  const colLetters = (col: number) => String.fromCharCode(65 + col);
  /** A cell of the random rows: its column, whether its reference is written, its shape. */
  const cell = fc.record({
    col: fc.integer({ min: 0, max: 7 }),
    ref: fc.constantFrom('plain', 'plain', 'plain', 'none', 'quoted', 'anchored', 'lower'),
    body: fc.constantFrom('/>', '><v>1</v></c>', ' t="s"><v>0</v></c>', ' s="1"/>', '><f>A1+1</f><v>2</v></c>', '><f t="shared" si="0"/><v>3</v></c>', ' t="inlineStr"><is><t>á &amp; b</t></is></c>'),
  });
  const randomRow = fc.record({
    cells: fc.array(cell, { maxLength: 5 }),
    sorted: fc.boolean(),
    tag: fc.constantFrom('', ' spans="1:3"', ' spans="2:2" x14ac:dyDescent="0.25"', ' s="1" customFormat="1"', " ht='20'"),
    selfClosing: fc.boolean(),
    space: fc.constantFrom('', '', '\n '),
  });
  function rowXml(r: number, spec: { cells: { col: number; ref: string; body: string }[]; sorted: boolean; tag: string; selfClosing: boolean; space: string }, p: string): string {
    if (spec.selfClosing && spec.cells.length === 0) return `<${p}row r="${r + 1}"${spec.tag}/>`;
    const cells = spec.sorted ? [...spec.cells].sort((a, b) => a.col - b.col) : spec.cells;
    const body = cells.map(({ col, ref, body }) => {
      const a1 = `${colLetters(col)}${r + 1}`;
      const attr = ref === 'none' ? '' : ref === 'quoted' ? ` r='${a1}'` : ref === 'anchored' ? ` r="$${a1}"` : ref === 'lower' ? ` r="${a1.toLowerCase()}"` : ` r="${a1}"`;
      return `<${p}c${attr}${body.replace(/<(\/?)([vfist])\b/g, `<$1${p}$2`).replace('</c>', `</${p}c>`)}`;
    });
    return `<${p}row r="${r + 1}"${spec.tag}>${body.join(spec.space)}${spec.space}</${p}row>`;
  }
  const range = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 2 })).map(([top, h, left, w]): CellRange => ({ top, bottom: top + h, left, right: left + w }));
  const value = fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 }));
  const changes = fc
    .record({
      writes: fc.array(range.chain((r) => fc.array(fc.array(value, { maxLength: r.right - r.left + 1 }), { maxLength: r.bottom - r.top + 1 }).map((values) => ({ range: r, values }))), { maxLength: 3 }),
      formats: fc.array(fc.tuple(range, fc.constantFrom({ bold: true }, { border: true }, {})).map(([r, s]) => ({ range: r, ...s })), { maxLength: 2 }),
      formulas: fc.array(range.map((r) => ({ range: r, formula: '=1+1', formulaR1C1: '=1+1' })), { maxLength: 1 }),
      removed: fc.option(range, { nil: undefined }),
      heights: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 40 })), { maxLength: 2 }),
    })
    .map(({ writes, formats, formulas, removed, heights }) =>
      changeSet({ writes, formats, formulas, ...(removed ? { removals: { cells: [removed] } as ChangeSet['removals'] } : {}), rowHeights: heights.map(([row, height]) => ({ row, height, before: 15 })) }),
    );

  test('makes the bytes the general path makes, on random rows and change sets', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(randomRow, { minLength: 1, maxLength: 6 }), changes, fc.constantFrom('', 'x:'), (rows, change, p) => {
        const xml = rows.map((spec, r) => rowXml(r, spec, p)).join('');
        let general: string | Error;
        try {
          general = edit(xml, change, false, p).xml;
        } catch (e) {
          general = e as Error;
        }
        if (general instanceof Error) {
          expect(() => edit(xml, change, true, p)).toThrow(general.message);
          return;
        }
        const fast = edit(xml, change, true, p);
        expect(fast.xml).toBe(general);
        taken += fast.appended;
      }),
      { numRuns: 300 },
    );
    // The property did exercise the fast path.
    expect(taken).toBeGreaterThan(50);
  });
});

describe('the plain start-tag reader', () => {
  /** The general reader alone: the tag given a shape the plain reader leaves to it (white
   * space after "="), read the same by the general one. */
  const general = (tag: string) => parseStartTag(tag.replace(/="/g, '= "'));

  test.each([
    '<row r="1" spans="1:3" x14ac:dyDescent="0.25">',
    '<c r="A1"/>',
    '<row r="1">',
    '<x:row\n r="2"\tht="1" >',
    '<c r="A1" t="s" s="&amp;"/>',
  ])('reads %s as the general reader does', (tag) => {
    expect(parseStartTag(tag)).toEqual(general(tag));
  });

  test('leaves other shapes to the general reader, which reads them whole', () => {
    expect(parseStartTag("<c r='A1' s=\"2\">")).toEqual({ name: 'c', attrs: [{ name: 'r', raw: 'A1' }, { name: 's', raw: '2' }], selfClosing: false });
    expect(parseStartTag('<c r="A1"s="2"/ >')).toEqual({ name: 'c', attrs: [{ name: 'r', raw: 'A1' }, { name: 's', raw: '2' }], selfClosing: true });
    expect(renderStartTag(parseStartTag('<c r = "A1">'))).toBe('<c r="A1">');
  });
});

describe('the deflaters', () => {
  const pieces = fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)), fc.constant('x'.repeat(400_000)), fc.constant('ế'.repeat(300_000))), { maxLength: 12 });

  test('the background deflater makes the part the one on this thread makes: same bytes, CRC and size, valid stream', async () => {
    await fc.assert(
      fc.asyncProperty(pieces, async (list) => {
        const here = new PartDeflater();
        const background = new BackgroundDeflater();
        for (const piece of list) {
          here.write(piece);
          background.write(piece);
          await background.room();
        }
        const a = here.end();
        const b = await background.end();
        const expected = Buffer.concat(list.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
        for (const part of [a, b]) {
          const data = Buffer.concat(part.data as Buffer[]);
          expect(part.compressedSize).toBe(data.length);
          expect(part.uncompressedSize).toBe(expected.length);
          expect(zlib.inflateRawSync(data).equals(expected)).toBe(true);
        }
        expect(b.crc32).toBe(a.crc32);
      }),
      { numRuns: 40 },
    );
  });

  test('ranges of a buffer are copied: the caller may write over it afterwards', () => {
    const deflater = new PartDeflater();
    const source = Buffer.from('abcdef');
    deflater.bytes(source, 1, 4);
    source.fill(0);
    deflater.text('é');
    expect(zlib.inflateRawSync(Buffer.concat(deflater.end().data as Buffer[])).toString('utf8')).toBe('bcdé');
  });
});

describe('the merges of a sheet', () => {
  const read = (list: string) => {
    const xml = `<worksheet>${list}</worksheet>`;
    const [root] = childElements(xml);
    return parseMerges(xml, childElements(xml, root.contentStart, root.contentEnd));
  };
  const expected = [
    { top: 0, left: 0, bottom: 1, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
  ];

  test.each([
    ['written as every writer writes them (read in one pass)', '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:C4"/></mergeCells>'],
    ['with a prefix', '<x:mergeCells count="2"><x:mergeCell ref="A1:B2"/><x:mergeCell ref="C3:C4"/></x:mergeCells>'],
    ['with white space between them', '<mergeCells count="2">\n  <mergeCell ref="A1:B2"/>\n  <mergeCell ref="C3:C4"/>\n</mergeCells>'],
    ['in another shape', "<mergeCells><mergeCell ref='A1:B2'/><mergeCell ref=\"C3:C4\" ></mergeCell></mergeCells>"],
  ])('are read %s', (_, list) => {
    expect(read(list)).toEqual(expected);
  });

  test('an empty list has none', () => {
    expect(read('<mergeCells count="0"></mergeCells>')).toEqual([]);
    expect(read('<mergeCells count="0"/>')).toEqual([]);
  });
});
