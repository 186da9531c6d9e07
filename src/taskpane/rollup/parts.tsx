/**
 * The pieces of the roll-up panel (RollupPanel.tsx): the file picker with its drop zone, the
 * result, and the question before existing sheets are replaced.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../engine/model';
import type { RollupModel } from '../../report/rollup';
import type { RollupQuestion } from '../../usecases/rollup-write';
import type { rollupStrings } from './strings';
import { ConfirmDialog } from '../ConfirmDialog';

export interface Result {
  model: RollupModel;
  /** Sheets written, or null when none was. */
  sheets: number | null;
  /** The earlier roll-up's sheets removed. */
  removed: number;
  error: string | null;
}

/** A dashed frame, side by side (Griffel takes no all-sides border shorthand). */
function dashed(color: string) {
  const side = `${tokens.strokeWidthThick} dashed ${color}`;
  return { borderTop: side, borderRight: side, borderBottom: side, borderLeft: side };
}

export const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  year: { width: '7em' },
  heading: { margin: 0 },
  drop: {
    ...dashed(tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  dropActive: { ...dashed(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenInput: { display: 'none' },
  para: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return '–';
  const s = (rate * 100).toFixed(1);
  return `${lang === 'vi' ? s.replace('.', ',') : s}%`;
}

type S = ReturnType<typeof rollupStrings>;

export function FilePicker(props: { S: S; files: File[]; busy: boolean; onAdd: (list: FileList | null) => void; onClear: () => void }): React.JSX.Element {
  const { S, files, busy } = props;
  const styles = useStyles();
  const [dragging, setDragging] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const add = props.onAdd;
  return (
    <div
      className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
      data-testid="rollup-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        add(e.dataTransfer.files);
      }}
    >
      <input
        ref={input}
        className={styles.hiddenInput}
        type="file"
        multiple
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="rollup-files"
        aria-label={S.choose}
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()} disabledFocusable={busy}>
          {S.choose}
        </Button>
        <Caption1>{S.drop}</Caption1>
      </div>
      {files.length > 0 ? (
        <section aria-label={S.fileList}>
          <Caption1>{S.chosen(files.length)}</Caption1>
          <ul className={styles.list} data-testid="rollup-file-list">
            {files.map((f) => (
              <li key={`${f.name}-${f.size}-${f.lastModified}`}>{f.name}</li>
            ))}
          </ul>
          <Button size="small" appearance="subtle" onClick={props.onClear} disabledFocusable={busy}>
            {S.clear}
          </Button>
        </section>
      ) : null}
    </div>
  );
}

export interface ResultViewProps {
  S: S;
  lang: Lang;
  result: Result;
  busy: boolean;
  onDownload: () => void;
  /** The sentence after a download (its file, or why it failed), or null. */
  downloaded: { ok: boolean; text: string } | null;
}

export function ResultView(props: ResultViewProps): React.JSX.Element {
  const { S, lang, result } = props;
  const styles = useStyles();
  const skipped = result.model.files.filter((f) => f.status !== 'counted');
  const notes = result.model.files.filter((f) => f.status === 'counted' && f.reason);
  return (
      <section aria-label={S.resultHeading} aria-live="polite" data-testid="rollup-result" className={styles.stack}>
        {result.error ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{result.error}</MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {S.done(result.model.units.length, result.model.total.total, percent(result.model.totalRate, lang))} {result.sheets !== null ? S.written(result.sheets, result.removed) : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {result.model.units.length > 0 ? (
          <div className={styles.stack}>
            <div>
              <Button onClick={props.onDownload} disabledFocusable={props.busy} data-testid="rollup-download">
                {S.download}
              </Button>
            </div>
            {props.downloaded === null ? null : props.downloaded.ok ? (
              <Caption1 role="status" data-testid="rollup-downloaded">
                {props.downloaded.text}
              </Caption1>
            ) : (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{props.downloaded.text}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        ) : null}
        {result.model.units.length > 0 ? (
          <section aria-label={S.unitsHeading}>
            <ol className={styles.list} data-testid="rollup-units">
              {result.model.units.map((u) => (
                <li key={`${u.line}`}>
                  {S.unitLine(u.unit, u.counts.total, percent(u.rate, lang))}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {skipped.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="rollup-skipped">
            <MessageBarBody>
              <MessageBarTitle>{S.skippedTitle}</MessageBarTitle>
              <ul className={styles.list}>
                {skipped.map((f) => (
                  <li key={f.file}>{f.status === 'unreadable' ? f.reason : S.skipped(f.file, f.reason ?? '')}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {notes.length > 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{S.notesTitle}</MessageBarTitle>
              <ul className={styles.list}>
                {notes.map((f) => (
                  <li key={f.file}>{S.skipped(f.file, f.reason ?? '')}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>
  );
}

export function ReplaceDialog(props: { S: S; question: RollupQuestion | null; onAnswer: (yes: boolean) => void }): React.JSX.Element {
  const { S, question } = props;
  const styles = useStyles();
  return (
    <ConfirmDialog
      open={question !== null}
      title={S.replaceTitle}
      body={() =>
        S.replaceBody(question!).map((line) => (
          <p key={line} className={styles.para}>
            {line}
          </p>
        ))
      }
      confirm={S.replaceConfirm}
      cancel={S.cancel}
      onAnswer={props.onAnswer}
    />
  );
}

