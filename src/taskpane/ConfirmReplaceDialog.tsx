/**
 * Asks before a report sheet of the same name is replaced. Cancel is the default action (Escape
 * or closing the dialog answers "no").
 */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { UiStrings } from './strings';

export interface ConfirmReplaceDialogProps {
  t: UiStrings;
  /** The sheet to replace; null when no question is pending. */
  sheetName: string | null;
  onAnswer: (replace: boolean) => void;
}

export function ConfirmReplaceDialog({ t, sheetName, onAnswer }: ConfirmReplaceDialogProps): React.JSX.Element {
  return (
    <Dialog
      modalType="modal"
      open={sheetName !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.replaceTitle}</DialogTitle>
          <DialogContent>{sheetName !== null ? t.replaceBody(sheetName) : null}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {t.replaceConfirm}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {t.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
