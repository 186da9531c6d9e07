/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", a `code` from Excel.ErrorCodes
 * and a `debugInfo`), so the host's error handling is exercised the way real Excel exercises it.
 */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'AccessDenied'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RangeExceedsLimit'
  | 'MergedRangeConflict'
  | 'NotImplemented'
  | 'GeneralException'
  | 'InvalidObjectPath'
  | 'InvalidOperationInCellEditMode';

export class FakeExcelError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(objectName: string, property: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}
