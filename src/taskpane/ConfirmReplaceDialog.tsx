/**
 * Asks before a report sheet of the same name is replaced. Cancel is the default action (Escape
 * or closing the dialog answers "no").
 */
import * as React from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import type { UiStrings } from './strings';

export interface ConfirmReplaceDialogProps {
  t: UiStrings;
  /** The sheet to replace; null when no question is pending. */
  sheetName: string | null;
  onAnswer: (replace: boolean) => void;
}

export function ConfirmReplaceDialog({ t, sheetName, onAnswer }: ConfirmReplaceDialogProps): React.JSX.Element {
  return (
    <ConfirmDialog
      open={sheetName !== null}
      title={t.replaceTitle}
      body={() => t.replaceBody(sheetName!)}
      confirm={t.replaceConfirm}
      cancel={t.cancel}
      onAnswer={onAnswer}
    />
  );
}
