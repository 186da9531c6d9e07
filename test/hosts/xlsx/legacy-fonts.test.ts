/** The exceljs host passes the legacy font names (".Vn…", "VNI-…") of text cells to the engine. */
import { readGrid } from '../../../src/hosts/xlsx/read';
import { buildWorkbook } from '../../../src/testing/plans/xlsx';

describe('readGrid fonts', () => {
  it('gives the legacy fonts of text cells, rich text runs included, and nothing else', () => {
    const wb = buildWorkbook({
      sheets: [
        {
          name: 'PL',
          rows: [['NhiÖm vô', 'Nhieäm vuï', 'Nhiệm vụ', 12], ['x']],
          xlsx: {
            styles: [
              { address: 'A1', style: { font: { name: '.VnTime' } } },
              { address: 'B1', style: { font: { name: 'VNI-Times' } } },
              { address: 'C1', style: { font: { name: 'Times New Roman' } } },
              { address: 'D1', style: { font: { name: '.VnTime' } } },
            ],
          },
        },
      ],
    });
    const ws = wb.getWorksheet('PL')!;
    ws.getCell('A2').value = { richText: [{ text: 'CHñ ', font: { name: '.VnTimeH' } }, { text: 'tr×', font: { name: '.VnTime' } }] };
    const grid = readGrid(ws, false);
    // Only the first two cells are in a legacy font (D1 holds a number).
    expect(grid.fonts?.[0]).toEqual(['.VnTime', 'VNI-Times']);
    expect(grid.fonts?.[1]?.[0]).toBe('.VnTimeH');
  });

  it('a workbook without legacy fonts gives no font table', () => {
    const wb = buildWorkbook({ sheets: [{ name: 'PL', rows: [['Nhiệm vụ']], xlsx: { styles: [{ address: 'A1', style: { font: { name: 'Arial' } } }] } }] });
    expect(readGrid(wb.getWorksheet('PL')!, false)).not.toHaveProperty('fonts');
  });
});
