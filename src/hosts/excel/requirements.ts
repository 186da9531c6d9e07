/**
 * Which Excel JavaScript API requirement set each part of the host needs, and the one check the
 * host makes before touching a workbook. Everything the add-in does is in ExcelApi ≤ 1.13, and
 * reading merged cells needs 1.13 itself (Range.getMergedAreasOrNullObject): without merges the
 * appendix cannot be read correctly (a merged "Chủ trì" cell would look empty on every row but
 * the first), so 1.13 is the minimum, checked once, with a clear sentence when it is missing.
 * ExcelApi 1.13 ships with Microsoft 365, Office 2021 (and LTSC 2021) and later, Excel on the
 * web, Mac and iPad; Office 2016 and 2019 stop at 1.2 / 1.8.
 */
export const REQUIRED_EXCEL_API = '1.13';

/** The set each API the host calls belongs to (for the docs and the report to the lead). */
export const FEATURE_REQUIREMENTS: Readonly<Record<string, string>> = {
  'Range.getMergedAreasOrNullObject (merged cells)': '1.13',
  'Range.getSpecialCellsOrNullObject("Visible") (hidden rows)': '1.9',
  'Worksheet.pageLayout, setPrintTitleRows, margins, headersFooters (report printing)': '1.9',
  'Worksheet.getRanges (report styles in few calls)': '1.9',
  'Range.getCellProperties (font names of legacy TCVN3/VNI text)': '1.9',
  'Range.getColumnProperties / getRowProperties (hidden columns, widths, row heights)': '1.9',
  'Range.getSpecialCellsOrNullObject("DataValidations") (the user’s drop-downs)': '1.9',
  'Worksheet.standardHeight, RangeFormat.useStandardHeight (rows of a height of their own)': '1.7',
  'Range.dataValidation (status drop-down)': '1.8',
  'Range.hyperlink (report links back to the appendix)': '1.7',
  'Worksheet.getRangeByIndexes (reading in row blocks)': '1.7',
  'Workbook.protection (sheet add/delete allowed?)': '1.7',
  'Range.conditionalFormats, custom rules, priority, stopIfTrue (highlights)': '1.6',
  'WorksheetCollection.getItemOrNullObject, Range.getIntersectionOrNullObject': '1.4',
  'Worksheet.calculate (repaint the highlights after adding them)': '1.6',
  'Worksheet.getUsedRange(valuesOnly), Range.rowHidden, format.columnWidth/rowHeight, Workbook.functions (1904 check)': '1.2',
  // Its JSDoc: "ExcelApi 1.1 for reading visibility; 1.2 for setting it".
  'Worksheet.visibility = VeryHidden (setting it, for the state sheet)': '1.2',
  'Worksheet.visibility (reading it), charts, activate/select, Worksheet.delete, Range.getBoundingRect': '1.1',
};

export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** Office.context.requirements.isSetSupported when Office.js is loaded; otherwise (tests, the
 * fake-backed e2e) assume support — those callers pass the fake's own answer. */
export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const requirements = office?.context?.requirements;
    return requirements ? requirements.isSetSupported(name, version) : true;
  };
}
