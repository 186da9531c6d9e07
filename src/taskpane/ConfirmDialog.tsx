/**
 * The pane's one yes/no question before a change the user may not want (a sheet replaced,
 * filled statuses lost). Cancel is the default action: Escape or closing the dialog answers "no".
 */
import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** Shown only while open (it may read the pending question). */
  body: () => React.ReactNode;
  confirm: string;
  cancel: string;
  onAnswer: (yes: boolean) => void;
  /** A loss that cannot be undone: an alert dialog, Cancel placed first. */
  destructive?: boolean;
}

export function ConfirmDialog({ open, title, body, confirm, cancel, onAnswer, destructive = false }: ConfirmDialogProps): React.JSX.Element {
  const yes = (
    <Button key="yes" appearance="primary" onClick={() => onAnswer(true)}>
      {confirm}
    </Button>
  );
  const no = (
    <Button key="no" appearance="secondary" onClick={() => onAnswer(false)}>
      {cancel}
    </Button>
  );
  return (
    <Dialog
      modalType={destructive ? 'alert' : 'modal'}
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{open ? body() : null}</DialogContent>
          <DialogActions>{destructive ? [no, yes] : [yes, no]}</DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
