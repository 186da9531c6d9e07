import zlib from 'zlib';
import ExcelJS from 'exceljs';
import { ZipArchive, ZipError } from '../../../src/hosts/xlsx/zip/archive';
import { crc32, deflatePieces, ZipWriter } from '../../../src/hosts/xlsx/zip/writer';

async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.getCell('A1').value = 'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025';
  for (let r = 2; r < 200; r++) ws.getRow(r).values = [r - 1, `Rà soát thủ tục số ${r}`, 'Văn phòng', 'Quý II/2025'];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('zip container', () => {
  it('lists the parts of a workbook and inflates them', async () => {
    const zip = new ZipArchive(await sampleWorkbook());
    const names = zip.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    const sheet = zip.find('/XL/Worksheets/Sheet1.xml');
    expect(sheet).toBeDefined();
    expect(zip.text(sheet!, 10_000_000)).toContain('<sheetData>');
  });

  it('copies untouched entries byte for byte and adds new ones that other readers accept', async () => {
    const input = await sampleWorkbook();
    const zip = new ZipArchive(input);
    const writer = new ZipWriter(new Date(2025, 5, 15, 10, 30));
    for (const e of zip.entries) if (e.name !== 'docProps/core.xml') writer.copy(zip, e);
    writer.add('customXml/item9.xml', '<?xml version="1.0"?><x>Tính đến ngày</x>');
    const copy = new ZipArchive(writer.toBuffer());
    for (const e of zip.entries) {
      if (e.name === 'docProps/core.xml') continue;
      const c = copy.find(e.name)!;
      expect(copy.raw(c).equals(zip.raw(e))).toBe(true);
      expect(c.crc32).toBe(e.crc32);
    }
    const added = copy.find('customXml/item9.xml')!;
    expect(copy.text(added, 1000)).toContain('Tính đến ngày');
    expect(crc32(copy.read(added, 1000))).toBe(added.crc32);
    // exceljs (JSZip underneath) reads what we wrote.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(writer.toBuffer() as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Phụ lục')?.getCell('B3').value).toBe('Rà soát thủ tục số 3');
  });

  it('deflates a part given in pieces (several MiB, text and bytes) into one stream other readers accept', async () => {
    const rows: (string | Buffer)[] = [];
    for (let r = 1; r <= 60_000; r++) {
      const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Rà soát thủ tục hành chính số ${r % 977}</t></is></c></row>`;
      rows.push(r % 3 === 0 ? Buffer.from(row, 'utf8') : row);
    }
    const whole = Buffer.concat(rows.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    expect(whole.length).toBeGreaterThan(3 * 1024 * 1024);
    const part = deflatePieces(rows);
    expect(part.data.length).toBeGreaterThan(1);
    expect(part.uncompressedSize).toBe(whole.length);
    expect(part.crc32).toBe(crc32(whole));
    expect(crc32(whole.subarray(1000), crc32(whole.subarray(0, 1000)))).toBe(crc32(whole));
    // zlib reads the pieces joined as one raw deflate stream, the archive reader too.
    expect(zlib.inflateRawSync(Buffer.concat(part.data as Buffer[])).equals(whole)).toBe(true);
    const writer = new ZipWriter();
    writer.add('xl/worksheets/sheet1.xml', part);
    const zip = new ZipArchive(writer.toBuffer());
    const entry = zip.find('xl/worksheets/sheet1.xml')!;
    expect(entry.compressedSize).toBe(part.compressedSize);
    expect(zip.read(entry, whole.length).equals(whole)).toBe(true);
  });

  it('refuses to inflate past the cap, even when the declared size lies', () => {
    const writer = new ZipWriter();
    writer.add('xl/sharedStrings.xml', Buffer.alloc(5_000_000, 0x41));
    const bytes = writer.toBuffer();
    const zip = new ZipArchive(bytes);
    const entry = zip.entries[0];
    expect(() => zip.read(entry, 1_000_000)).toThrow(ZipError);
    // Forge the declared size so that only the inflater's own cap can stop it.
    const lying = { ...entry, uncompressedSize: 10 };
    try {
      zip.read(lying, 1_000_000);
      throw new Error('not refused');
    } catch (e) {
      expect((e as ZipError).code).toBe('too-large');
      expect((e as ZipError).limit).toBe(1_000_000);
    }
    expect(zip.read(entry, 5_000_000).length).toBe(5_000_000);
  });

  it('says what is wrong with files that are not zips or are cut short', async () => {
    expect(() => new ZipArchive(Buffer.from('not a zip at all, just text'))).toThrow(expect.objectContaining({ code: 'not-zip' }));
    const input = await sampleWorkbook();
    const cut = Buffer.concat([input.subarray(0, 200), input.subarray(input.length - 22)]);
    expect(() => new ZipArchive(cut)).toThrow(ZipError);
  });

  it('computes the same CRC-32 as zlib', () => {
    const data = Buffer.from('Kế hoạch cải cách hành chính năm 2025', 'utf8');
    const z = (zlib as unknown as { crc32: (d: Buffer) => number }).crc32; // Node ≥ 20.15
    expect(crc32(data)).toBe(z(data));
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
