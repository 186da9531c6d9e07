/**
 * The fast path through <sheetData> (stream/sheet-data.ts) against the general path alone: the
 * shapes it reads itself, every shape it must leave to the general path, and — whatever the
 * markup and however the bytes are cut into chunks — the same SheetContent as the general path.
 */
import fc from 'fast-check';
import type { CellRange } from '../../../src/engine/model';
import { parseA1Range } from '../../../src/engine/a1';
import { plainMergeRange } from '../../../src/hosts/xlsx/stream/merge-ref';
import { ByteFeed } from '../../../src/hosts/xlsx/stream/feed';
import { SheetParser, sheetContent, type SheetContent, type SheetReadOptions } from '../../../src/hosts/xlsx/stream/sheet';
import { sheetDocument } from './stream-workbook';

const SHARED = ['Rà soát thủ tục', 'Phòng Tư pháp', 'Quý I/2024', null, 'Tháng 6'];

function options(lastRow?: number): SheetReadOptions {
  // Style 2 is a date format (as styles.ts would report numFmtId 14).
  return { sharedStrings: SHARED, dateStyles: [false, false, true], date1904: false, maxMergeFollowers: 1000, maxCells: 100_000, lastRow };
}

interface Reading {
  content: SheetContent;
  /** Bytes the fast path read itself. */
  fastBytes: number;
}

/** Reads a worksheet document fed in pieces cut at `cuts` (byte offsets), with or without the fast path. */
function read(xml: string, fast: boolean, cuts: number[] = [], lastRow?: number): Reading {
  const opts = options(lastRow);
  const parser = new SheetParser(opts, fast);
  let fastBytes = 0;
  const skim = parser.skim.bind(parser);
  parser.skim = (b, from) => {
    const after = skim(b, from);
    fastBytes += after - from;
    return after;
  };
  const feed = new ByteFeed(parser);
  const bytes = Buffer.from(sheetDocument(xml), 'utf8');
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    feed.write(bytes.subarray(at, cut));
    at = cut;
  }
  feed.write(bytes.subarray(at));
  feed.end();
  return { content: sheetContent(parser, 'S', opts), fastBytes };
}

function sheetData(rows: string): string {
  return `<sheetData>${rows}</sheetData>`;
}

/** The fast path's reading equals the general path's, whole and cut at every byte. */
function expectSameEverywhere(xml: string): SheetContent {
  const general = read(xml, false).content;
  expect(read(xml, true).content).toStrictEqual(general);
  const length = Buffer.byteLength(sheetDocument(xml));
  for (let cut = 1; cut < length; cut++) expect(read(xml, true, [cut]).content).toStrictEqual(general);
  return general;
}

describe('what the fast path reads itself', () => {
  const COMMON =
    '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/><c r="D1"><v>42</v></c></row>' +
    '<row r="3" hidden="1" ht="30" customHeight="1"><c r="A3" s="2"><v>45473</v></c><c r="B3"><v>2.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>' +
    '<row r="4" ht="18"><c r="A4" t="str"><f>IF(A1&gt;0,"có","không")</f><v>có</v></c><c r="B4"><f t="shared" ref="B4:B9" si="0">A4*2</f><v>0</v></c><c r="C4"><f t="shared" si="0"/></c>' +
    '<c r="D4" t="inlineStr"><is><t>Văn bản số 12/KH-UBND</t></is></c><c r="E4" t="inlineStr"><is><t xml:space="preserve"> Quý II </t></is></c><c r="F4" t="inlineStr"><is><t/></is></c></row>' +
    '<row r="5"/>';

  test('shared strings, numbers, dates, booleans, errors, formulas, plain inline strings, hidden and sized rows', () => {
    const { content, fastBytes } = read(sheetData(COMMON), true);
    expect(content.grid.values).toStrictEqual([
      ['Rà soát thủ tục', 'Phòng Tư pháp', null, 42],
      [],
      [45473, 2.5, true, '#N/A'],
      ['có', 0, null, 'Văn bản số 12/KH-UBND', ' Quý II '],
    ]);
    expect(content.grid.hiddenRows).toStrictEqual([2]);
    // ht without customHeight is Excel's own height, not the user's.
    expect(content.grid.rowHeights).toStrictEqual({ 2: 30 });
    expect(content).toStrictEqual(read(sheetData(COMMON), false).content);
    // The general path's run that reads <worksheet> and <sheetData> may go on into the first
    // row; everything after it went through the fast path.
    expect(fastBytes).toBeGreaterThanOrEqual(Buffer.byteLength(COMMON.slice(COMMON.indexOf('<row r="3"'))));
  });

  test('cut anywhere, the same content', () => {
    expectSameEverywhere(sheetData(COMMON));
  });

  test('a byte order mark, Vietnamese text cut inside a character, and a part fed in one-byte pieces', () => {
    const xml = sheetData('<row r="1"><c r="A1" t="inlineStr"><is><t>Ủy ban nhân dân tỉnh</t></is></c><c r="B1" t="str"><v>Đạt</v></c></row>');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sheetDocument(xml))]);
    const opts = options();
    const parser = new SheetParser(opts);
    const feed = new ByteFeed(parser);
    for (let i = 0; i < bytes.length; i++) feed.write(bytes.subarray(i, i + 1));
    feed.end();
    expect(sheetContent(parser, 'S', opts).grid.values).toStrictEqual([['Ủy ban nhân dân tỉnh', 'Đạt']]);
  });
});

describe('what the fast path leaves to the general path, with the same result', () => {
  const cases: [string, string, unknown[][]][] = [
    ['prefixed elements', '<x:row r="1"><x:c r="B1" t="s"><x:v>2</x:v></x:c></x:row><row r="2"><c r="A2"><v>7</v></c></row>', [[null, 'Quý I/2024'], [7]]],
    ['cells without r', '<row r="1"><c t="s"><v>0</v></c><c r="C1"><v>3</v></c><c><v>4</v></c></row>', [['Rà soát thủ tục', null, 3, 4]]],
    ['rows without r', '<row><c r="A1"><v>1</v></c></row><row><c r="A2"><v>2</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row><c r="A6"><v>6</v></c></row>', [[1], [2], [], [], [5], [6]]],
    [
      'inline strings with rich runs and phonetic guides',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Kế hoạch </t></r><r><t>2024</t></r></is></c><c r="B1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>',
      [['Kế hoạch 2024', '東京']],
    ],
    [
      'entity and character references in values and attributes',
      '<row r="1"><c r="A1" t="str"><v>a &amp;lt; b &#7840;</v></c><c r="&#66;1"><v>1</v></c><c r="C1" t="&#115;"><v>1</v></c><c r="D1" t="inlineStr"><is><t>x &amp; y_x000D_</t></is></c></row><row r="&#50;"><c r="A2"><v>2</v></c></row>',
      [['a &lt; b Ạ', 1, 'Phòng Tư pháp', 'x & y\r'], [2]],
    ],
    ['CDATA', '<row r="1"><c r="A1" t="str"><v><![CDATA[<b>đậm</b>]]></v></c><c r="B1" t="inlineStr"><is><t>a<![CDATA[ & ]]>b</t></is></c></row>', [['<b>đậm</b>', 'a & b']]],
    ['comments inside sheetData, rows and cells', '<!-- đầu --><row r="1"><!-- c --><c r="A1"><!-- v --><v>1</v></c><c r="B1"><v>2<!-- giữa -->3</v></c></row><!-- cuối -->', [[1, 23]]],
    ['processing instructions', '<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>', [[1]]],
    ['whitespace and line breaks between and inside tags', '\n  <row r="1"\n   spans="1:2">\n    <c r = "A1"\tt="s">\n      <v>0</v>\n    </c>\n  </row>\n', [['Rà soát thủ tục']]],
    ['single-quoted attributes and a ">" inside a value', `<row r='1'><c r='A1' t='s' note='a>b'><v>4</v></c></row>`, [['Tháng 6']]],
    ['a cell with a value and an inline string', '<row r="1"><c r="A1" t="str"><v>v</v><is><t>i</t></is></c><c r="B1"><is><t>only</t></is></c></row>', [['v', 'only']]],
    ['an empty <v/>, an empty <v></v> and a second <v>', '<row r="1"><c r="A1"><v/></c><c r="B1"><v></v></c><c r="C1"><v>1</v><v>2</v></c></row>', [[null, null, 12]]],
    ['other children of a cell', '<row r="1"><c r="A1"><extLst><ext uri="x"><v>9</v></ext></extLst><v>5</v></c></row>', [[5]]],
    ['the same row twice (the later replaces it)', '<row r="1"><c r="A1"><v>1</v></c></row><row r="1" hidden="1"><c r="B1"><v>2</v></c></row>', [[null, 2]]],
    ['a repeated r, and odd numbers', '<row r="1"><c r="A1" r="C1"><v>1</v></c><c r="D1"><v>1e3</v></c><c r="E1"><v>-0.5</v></c><c r="F1"><v>0012</v></c><c r="G1"><v>1234567890123456789</v></c></row>', [[null, null, 1, 1000, -0.5, 12, 1234567890123456800]]],
    ['odd styles and types', '<row r="1"><c r="A1" s=""><v>1</v></c><c r="B1" s="02"><v>45473</v></c><c r="C1" s="x"><v>1</v></c><c r="D1" t="n"><v>3</v></c><c r="E1" t="zz"><v>4</v></c><c r="F1" t="d"><v>2024-06-30</v></c></row>', [[1, 45473, 1, 3, 4, 45473]]],
    ['a shared-string index past the table, and a shared string with no text', '<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" t="s"><v>x</v></c></row>', []],
    ['columns past Excel’s last', '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c><c><v>3</v></c></row>', [[1]]],
  ];

  test.each(cases)('%s', (_name, rows, values) => {
    const content = expectSameEverywhere(sheetData(rows));
    expect(content.grid.values).toStrictEqual(values);
  });

  test('rows past lastRow stop the read in either path', () => {
    const xml = sheetData('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>');
    expect(read(xml, true, [], 0).content.grid.values).toStrictEqual([[1]]);
    expect(read(xml, true, [], 0).content).toStrictEqual(read(xml, false, [], 0).content);
  });
});

describe('any sheet, cut anywhere', () => {
  const text = fc.constantFrom('Rà soát', 'Ủy ban', 'a &amp; b', '&lt;x&gt;', '&#7840;', ' đầu ', '', 'x_x0041_y', 'Văn phòng'.normalize('NFD'));
  const attr = (name: string, v: fc.Arbitrary<string>) => fc.option(v.map((x) => ` ${name}="${x}"`), { nil: '' });
  const content = fc.oneof(
    fc.constant(''),
    fc.integer({ min: 0, max: 6 }).map((i) => `<v>${i}</v>`),
    fc.constantFrom('<v>2.5</v>', '<v>45473</v>', '<v></v>', '<v/>', '<v>1&#48;</v>', '<v><![CDATA[7]]></v>', '<v>1<!-- x -->2</v>'),
    text.map((t) => `<v>${t}</v>`),
    text.map((t) => `<is><t>${t}</t></is>`),
    text.map((t) => `<is><t xml:space="preserve">${t}</t></is>`),
    text.map((t) => `<is><r><t>${t}</t></r><r><t>2</t></r></is>`),
    fc.constantFrom('<f>A1&gt;0</f><v>1</v>', '<f t="shared" si="0"/>', '<f>1/0</f><v>#DIV/0!</v>', '<extLst/><v>3</v>'),
  );
  const ref = fc.oneof(fc.constant(''), fc.constantFrom('A', 'B', 'C', 'AA', '$D', 'XFE', '&#69;').map((c) => ` r="${c}1"`));
  const cell = fc
    .tuple(ref, attr('s', fc.constantFrom('0', '1', '2', '', 'x')), attr('t', fc.constantFrom('s', 'n', 'str', 'b', 'e', 'inlineStr', 'd', 'q')), content, fc.constantFrom('c', 'x:c'))
    .map(([r, s, t, inner, name]) => (inner === '' && name === 'c' ? `<c${r}${s}${t}/>` : `<${name}${r}${s}${t}>${inner.replace(/<(\/?)([a-z]+)/g, name === 'x:c' ? '<$1x:$2' : '<$1$2')}</${name}>`));
  const row = fc
    .tuple(
      fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      attr('hidden', fc.constantFrom('1', 'true', '0')),
      attr('ht', fc.constantFrom('15', '30.5', 'x')),
      attr('customHeight', fc.constantFrom('1', '0')),
      fc.array(cell, { maxLength: 5 }),
      fc.constantFrom('', '\n  ', '<!-- r -->'),
    )
    .map(([r, hidden, ht, custom, cells, gap]) => `${gap}<row${r === undefined ? '' : ` r="${r}"`}${hidden}${ht}${custom}>${cells.join(gap)}</row>`);
  // The merge list, read by the fast path too: its one shape and every other beside it.
  const merge = fc.constantFrom(
    '<mergeCell ref="A1:B2"/>',
    '<mergeCell ref="C3"/>',
    '<mergeCell ref="D9:C4"/>',
    '<mergeCell ref="$E$1:F2"/>',
    '<mergeCell ref="a1:b2"/>',
    '<mergeCell ref="A1:B2" />',
    "<mergeCell ref='G1:H1'/>",
    '<mergeCell ref="XFE1:XFF2"/>',
    '<mergeCell ref="A0:B1"/>',
    '<mergeCell ref="I9"></mergeCell>',
    '<mergeCell ref="J1"><mergeCell ref="K1:K2"/></mergeCell>',
    '<x:mergeCell ref="L1:L2"/>',
    '<!-- m -->',
    '\n  ',
  );
  const before = fc.constantFrom('', '<sheetProtection sheet="1"/>', '<autoFilter ref="A1:D1"/>', '<phoneticPr fontId="1"/>');
  const after = fc.constantFrom('', '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>', '<mergeCells><mergeCell ref="M1:M2"/></mergeCells>');
  const merges = fc.tuple(before, fc.array(merge, { maxLength: 8 }), after).map(([b, list, a]) => `${b}<mergeCells count="${list.length}">${list.join('')}</mergeCells>${a}`);
  const sheet = fc.tuple(fc.array(row, { maxLength: 8 }), merges).map(([rows, m]) => sheetData(rows.join('')) + m);

  test('the fast path gives what the general path gives', () => {
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(4000), { maxLength: 6 }), (xml, cuts) => {
        const general = read(xml, false).content;
        expect(read(xml, true, cuts).content).toStrictEqual(general);
      }),
      { numRuns: 400 },
    );
  });
});

describe('merges read in place', () => {
  /** What the general reading gives for a ref: parseA1Range, corners in order, inside the grid. */
  function generalMerge(ref: string): CellRange | undefined {
    try {
      const r = parseA1Range(ref.trim());
      return { top: Math.min(r.top, r.bottom), left: Math.min(r.left, r.right), bottom: Math.max(r.top, r.bottom), right: Math.max(r.left, r.right) };
    } catch {
      return undefined;
    }
  }

  test('a plain ref gives what parseA1Range gives; anything else is left to it', () => {
    const letters = fc.constantFrom('A', 'B', 'Z', 'AA', 'XFD', 'XFE', 'ZZZ', 'AAAA', 'b', '$C', '');
    const digits = fc.constantFrom('1', '7', '01', '0', '1048576', '1048577', '9999999', '12345678', '$5', '');
    const cell = fc.tuple(letters, digits).map(([l, d]) => l + d);
    const ref = fc.oneof(cell, fc.tuple(cell, cell).map(([a, b]) => `${a}:${b}`), fc.constantFrom('A1:B2:C3', ' A1:B2', 'A:C', '3:7', "'S'!A1", 'A1 : B2'));
    fc.assert(
      fc.property(ref, (r) => {
        const plain = plainMergeRange(`"${r}"`, 1, r.length + 1);
        if (plain !== undefined) expect(plain).toStrictEqual(generalMerge(r));
        else if (/^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/.test(r)) expect(generalMerge(r)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    expect(plainMergeRange('"C9:A1"', 1, 6)).toStrictEqual({ top: 0, left: 0, bottom: 8, right: 2 });
  });

  test('a plan\'s long list of merges is read by the fast path, whole and cut anywhere', () => {
    const list = Array.from({ length: 40 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:C${2 * i + 2}"/>`).join('');
    const xml = sheetData('<row r="1"><c r="A1"><v>1</v></c></row>') + `<sheetProtection sheet="1"/><mergeCells count="40">${list}</mergeCells><pageMargins left="0.7" right="0.7"/>`;
    const merges = expectSameEverywhere(xml).grid.merges;
    expect(merges).toHaveLength(40);
    expect(merges[39]).toStrictEqual({ top: 78, left: 0, bottom: 79, right: 2 });
    // The row's cell and every merge element (of the bytes, only tags and row text are left).
    expect(read(xml, true).fastBytes).toBeGreaterThanOrEqual(Buffer.byteLength(list));
  });

  test('in a sheet, plain and other refs side by side', () => {
    const xml =
      sheetData('<row r="1"><c r="A1"><v>1</v></c></row>') +
      '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="$C$3:D4"/><mergeCell ref="F6:E5"/><mergeCell ref="A0:B1"/><mergeCell ref="G&#55;:H8"/><mergeCell ref="x" ref="I9"/><mergeCell/></mergeCells>';
    expect(expectSameEverywhere(xml).grid.merges).toStrictEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
      { top: 4, left: 4, bottom: 5, right: 5 },
      { top: 6, left: 6, bottom: 7, right: 7 },
      { top: 8, left: 8, bottom: 8, right: 8 },
    ]);
  });
});
