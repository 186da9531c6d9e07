/**
 * The one error both executors (Office.js and exceljs) throw for a change set they refuse:
 * malformed, or aimed at a sheet that is not there. Nothing has been written when it is thrown.
 */
export class ChangeSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeSetError';
  }
}
