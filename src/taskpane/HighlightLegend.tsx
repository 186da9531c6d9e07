/**
 * What the highlight colours on the sheet mean, in words: a swatch of each colour (as Excel shows
 * it, whatever the pane's theme) beside a sentence that says the same without the colour.
 */
import * as React from 'react';
import { Caption1, Caption1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { HIGHLIGHT } from '../engine/tracking';
import type { UiStrings } from './strings';

const KINDS = ['overdue', 'problem', 'done'] as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  swatch: {
    flexShrink: 0,
    width: '2.2em',
    marginTop: '1px',
    textAlign: 'center',
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase200,
    borderRadius: tokens.borderRadiusSmall,
    // A thin edge so that the light swatches stay visible on a light pane.
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

export function HighlightLegend({ t }: { t: UiStrings }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="legend-title" data-testid="highlight-legend">
      <Caption1Strong as="h2" id="legend-title" className={styles.heading}>
        {t.legendTitle}
      </Caption1Strong>
      <ul className={styles.list}>
        {KINDS.map((kind) => (
          <li key={kind} className={styles.item}>
            <span aria-hidden="true" className={styles.swatch} style={{ backgroundColor: HIGHLIGHT[kind].fill, color: HIGHLIGHT[kind].fontColor }} data-kind={kind}>
              Aa
            </span>
            <Caption1>{t.legend[kind]}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
