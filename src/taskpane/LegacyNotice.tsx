/**
 * Shown when the analysis read TCVN3 or VNI cells: says so, and offers to rewrite them as
 * Unicode in the workbook itself, after a confirmation that says this changes the user's own
 * cells (Cancel is the default: Escape or closing the dialog answers no). Its strings live here,
 * Vietnamese first, English second.
 */
import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Analysis, Lang, LegacyEncoding } from '../engine/model';

const NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

function encodingsOf(analysis: Analysis): string {
  const found = new Set((analysis.legacyCells ?? []).map((c) => c.encoding));
  return (['tcvn3', 'vni'] as const).filter((e) => found.has(e)).map((e) => NAMES[e]).join(', ');
}

const STRINGS = {
  vi: {
    title: 'Chữ theo bảng mã cũ',
    found: (cells: number, sheet: string, encodings: string) =>
      `${cells} ô của trang “${sheet}” được gõ bằng bảng mã ${encodings}; công cụ đã đọc chúng như Unicode để kiểm tra.`,
    convert: 'Chuyển sang Unicode',
    confirmTitle: 'Chuyển các ô này sang Unicode?',
    confirmBody: (cells: number, sheet: string) =>
      `Thao tác này sửa chính các ô của bạn: ${cells} ô trên trang “${sheet}” sẽ được viết lại bằng Unicode và đổi phông chữ sang Times New Roman. Công thức và các ô khác giữ nguyên. Không thể hoàn tác bằng Ctrl+Z; nếu cần, hãy lưu một bản sao của tệp trước.`,
    confirm: 'Chuyển',
    cancel: 'Huỷ',
    converted: (cells: number, sheet: string) =>
      cells === 0 ? `Trang “${sheet}” không còn ô nào cần chuyển.` : `Đã chuyển ${cells} ô của trang “${sheet}” sang Unicode (phông Times New Roman).`,
  },
  en: {
    title: 'Text in an old encoding',
    found: (cells: number, sheet: string, encodings: string) =>
      `${cells} ${cells === 1 ? 'cell' : 'cells'} of sheet “${sheet}” were typed in ${encodings}; they were read as Unicode for the check.`,
    convert: 'Convert to Unicode',
    confirmTitle: 'Convert these cells to Unicode?',
    confirmBody: (cells: number, sheet: string) =>
      `This changes your own cells: ${cells} ${cells === 1 ? 'cell' : 'cells'} on sheet “${sheet}” will be rewritten in Unicode and their font set to Times New Roman. Formulas and other cells stay as they are. Ctrl+Z cannot undo it; save a copy of the file first if you need one.`,
    confirm: 'Convert',
    cancel: 'Cancel',
    converted: (cells: number, sheet: string) =>
      cells === 0 ? `Sheet “${sheet}” has no cell left to convert.` : `Converted ${cells} ${cells === 1 ? 'cell' : 'cells'} of sheet “${sheet}” to Unicode (font Times New Roman).`,
  },
} as const;

export function legacyStrings(lang: Lang) {
  return STRINGS[lang];
}

export interface LegacyNoticeProps {
  lang: Lang;
  analysis: Analysis | null;
  busy: boolean;
  /** Rewrites the cells; absent when the host cannot, and the notice then only informs. */
  onConvert?: () => void;
}

export function LegacyNotice({ lang, analysis, busy, onConvert }: LegacyNoticeProps): React.JSX.Element | null {
  const [asking, setAsking] = React.useState(false);
  const cells = analysis?.legacyCells?.length ?? 0;
  if (!analysis || cells === 0) return null;
  const t = legacyStrings(lang);
  const answer = (yes: boolean) => {
    setAsking(false);
    if (yes) onConvert?.();
  };
  return (
    <>
      <MessageBar intent="warning" layout="multiline" data-testid="legacy-notice">
        <MessageBarBody>
          <MessageBarTitle>{t.title}</MessageBarTitle>
          {t.found(cells, analysis.sheetName, encodingsOf(analysis))}
        </MessageBarBody>
        {onConvert ? (
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => setAsking(true)}>
              {t.convert}
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
      <Dialog
        modalType="modal"
        open={asking}
        onOpenChange={(_, data) => {
          if (!data.open) answer(false);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.confirmTitle}</DialogTitle>
            <DialogContent>{t.confirmBody(cells, analysis.sheetName)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answer(true)}>
                {t.confirm}
              </Button>
              <Button appearance="secondary" onClick={() => answer(false)}>
                {t.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
