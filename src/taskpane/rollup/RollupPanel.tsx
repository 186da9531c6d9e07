/**
 * "Tổng hợp nhiều đơn vị": the units' workbooks chosen with the file picker (or dropped on the
 * pane) are read here, in the browser, with the command line's reader and engine; the roll-up's
 * sheets are written into the open workbook by the host in a constant number of syncs
 * (PlanHost.writeSheets). Nothing leaves the computer. docs/rollup.md.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Input, ProgressBar, Select, Subtitle2 } from '@fluentui/react-components';
import type { ISODate, Lang } from '../../engine/model';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '../../engine/dates';
import { DEFAULT_PERIODS, type Settings } from '../../engine/settings';
import type { PlanHost } from '../../hosts/plan-host';
import { PERIOD_IDS, periodDueNext, type PeriodId } from '../../report/periods';
import { consolidate } from '../../usecases/rollup';
import type { RollupQuestion } from '../../usecases/rollup-write';
import type { SaveFile } from '../report/download';
import { useRollupDownload } from './use-download';
import type { UiStrings } from '../strings';
import { FilePicker, ReplaceDialog, ResultView, useStyles, type Result } from './parts';
import { readFiles, type ChosenFile } from './read-files';
import { rollupStrings } from './strings';

export interface RollupPanelProps {
  host: PlanHost;
  lang: Lang;
  t: UiStrings;
  today: ISODate;
  /** The open workbook's settings: its period table and alias list. */
  settings?: Partial<Settings>;
  /** The pane is busy with something else. */
  paneBusy: boolean;
  /** Hands the Word file to the browser (tests pass their own). */
  saveFile?: SaveFile;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

type Phase = { kind: 'idle' } | { kind: 'reading'; index: number; total: number; file: string } | { kind: 'writing' };

export function RollupPanel(props: RollupPanelProps): React.JSX.Element {
  const { t, lang } = props;
  const S = rollupStrings(lang);
  const styles = useStyles();
  const periods = props.settings?.periods && props.settings.periods.length > 0 ? props.settings.periods : DEFAULT_PERIODS;
  const initial = React.useMemo(() => periodDueNext(props.today, periods), [props.today, periods]);
  const [period, setPeriod] = React.useState<PeriodId>(initial.id);
  const [yearText, setYearText] = React.useState(String(initial.year));
  const [files, setFiles] = React.useState<File[]>([]);
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });
  const [result, setResult] = React.useState<Result | null>(null);
  const [asking, setAsking] = React.useState<{ question: RollupQuestion; answer: (yes: boolean) => void } | null>(null);
  const word = useRollupDownload(lang, props.saveFile);

  const year = Number(yearText);
  const yearValid = /^\d{4}$/.test(yearText) && year >= PLAN_YEAR_MIN && year <= PLAN_YEAR_MAX;
  const busy = phase.kind !== 'idle' || word.downloading || props.paneBusy;
  const canWrite = typeof props.host.writeSheets === 'function';

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []).filter((f) => WORKBOOK.test(f.name));
    setFiles((old) => [...old, ...chosen.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size && o.lastModified === f.lastModified))]);
    setResult(null);
  };

  const run = async () => {
    if (!yearValid || files.length === 0 || !props.host.writeSheets) return;
    setResult(null);
    word.reset();
    let reads;
    try {
      reads = await readFiles(files as ChosenFile[], {
        period,
        year,
        lang,
        today: props.today,
        onFile: (index, total, file) => setPhase({ kind: 'reading', index, total, file }),
      });
    } finally {
      setPhase({ kind: 'idle' });
    }
    const rollup = consolidate(reads, {
      period,
      year,
      lang,
      madeOn: props.today,
      unitMap: { aliases: props.settings?.unitAliases ?? [], files: [] },
      periods,
    });
    if (rollup.model.units.length === 0) {
      setPhase({ kind: 'idle' });
      setResult({ model: rollup.model, sheets: null, removed: 0, error: S.noneCounted });
      return;
    }
    setPhase({ kind: 'writing' });
    const outcome = await props.host.writeSheets({
      sheets: rollup.sheets,
      lang,
      madeOn: props.today,
      confirm: (question) => new Promise<boolean>((resolve) => setAsking({ question, answer: resolve })),
    });
    setPhase({ kind: 'idle' });
    setResult({
      model: rollup.model,
      sheets: outcome.ok ? outcome.written.length : null,
      removed: outcome.ok ? outcome.removed.length : 0,
      error: outcome.ok ? null : outcome.message,
    });
  };

  const answer = (yes: boolean) => {
    asking?.answer(yes);
    setAsking(null);
  };

  return (
    <div className={styles.stack}>
      <Subtitle2 as="h2" className={styles.heading}>
        {S.title}
      </Subtitle2>
      <Body1>{S.intro}</Body1>
      <div className={styles.row}>
        <Field label={S.period}>
          <Select value={period} onChange={(_, data) => setPeriod(data.value as PeriodId)}>
            {PERIOD_IDS.filter((id) => periods.some((p) => p.id === id)).map((id) => (
              <option key={id} value={id}>
                {t.periodNames[id]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={S.yearAuto} validationMessage={yearValid ? undefined : t.yearInvalid}>
          <Input className={styles.year} type="number" inputMode="numeric" min={PLAN_YEAR_MIN} max={PLAN_YEAR_MAX} value={yearText} onChange={(_, data) => setYearText(data.value)} />
        </Field>
      </div>
      <FilePicker S={S} files={files} busy={busy} onAdd={add} onClear={() => setFiles([])} />
      {!canWrite ? <Caption1>{S.noHost}</Caption1> : null}
      <div>
        <Button appearance="primary" onClick={() => void run()} disabledFocusable={busy || files.length === 0 || !yearValid || !canWrite}>
          {S.run}
        </Button>
      </div>
      {phase.kind === 'reading' ? (
        <Field validationMessage={S.reading(phase.index, phase.total, phase.file)} validationState="none">
          <ProgressBar value={(phase.index - 1) / phase.total} />
        </Field>
      ) : phase.kind === 'writing' ? (
        <Field validationMessage={S.writing} validationState="none">
          <ProgressBar />
        </Field>
      ) : null}
      {result ? <ResultView S={S} lang={lang} result={result} busy={busy} onDownload={() => void word.start(result.model)} downloaded={word.said} /> : null}
      <ReplaceDialog S={S} question={asking?.question ?? null} onAnswer={answer} />
    </div>
  );
}
