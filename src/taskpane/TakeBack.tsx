/**
 * Taking it back (validation.md): "Gỡ tô màu" removes exactly the add-in's highlights, "Gỡ cột
 * theo dõi" the tracking block it created — at once when the block holds no status, date or
 * result, otherwise after a dialog that says how many would be lost (Cancel is the default:
 * Escape or closing answers "no"). Shown under the review tab's results when the host can do it.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../engine/model';
import type { PlanHost } from '../hosts/plan-host';
import { ConfirmDialog } from './ConfirmDialog';
import { takeBackStrings } from './take-back-strings';
import { useTakeBack } from './use-take-back';

export interface TakeBackProps {
  host: PlanHost;
  lang: Lang;
  /** The pane is busy with something else: the buttons wait. */
  busy: boolean;
  /** No sheet has been read (or the sheet has no plan): nothing to take back. */
  disabled: boolean;
  /** Read the sheet again once something was removed. */
  onDone: () => void;
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export function TakeBack(props: TakeBackProps): React.JSX.Element | null {
  const styles = useStyles();
  const s = takeBackStrings(props.lang);
  const take = useTakeBack(props.host, props.lang, props.onDone);
  if (!props.host.clean) return null;
  const off = props.busy || props.disabled || take.working;
  return (
    <section aria-labelledby="take-back-title" className={styles.section}>
      <Subtitle2 as="h2" id="take-back-title" className={styles.heading}>
        {s.title}
      </Subtitle2>
      <Caption1>{s.intro}</Caption1>
      <div className={styles.buttons}>
        <Button onClick={take.removeHighlights} disabledFocusable={off}>
          {s.removeHighlights}
        </Button>
        <Button onClick={take.removeBlock} disabledFocusable={off}>
          {s.removeBlock}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {take.working ? <Caption1>{s.working}</Caption1> : null}
        {take.result ? (
          <MessageBar intent={take.result.intent} layout="multiline" data-testid="take-back-result">
            <MessageBarBody>
              {take.result.lines.map((line) => (
                <Body1 as="p" key={line}>
                  {line}
                </Body1>
              ))}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <ConfirmDialog
        destructive
        open={take.asking !== null}
        title={s.confirmTitle}
        body={() => s.confirmBody(take.asking!)}
        confirm={s.confirmRemove}
        cancel={s.cancel}
        onAnswer={take.answer}
      />
    </section>
  );
}
