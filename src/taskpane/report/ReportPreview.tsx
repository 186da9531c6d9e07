/**
 * The report's preview: a stacked bar per reform area, each status class in its colour
 * (@fluentui/react-charts), and the numbers beside it as text — the whole plan's count per class
 * (which is also the chart's key) and a table by area — so that no figure lives only in a
 * picture.
 */
import * as React from 'react';
import { HorizontalBarChart, HorizontalBarChartVariant, type ChartProps } from '@fluentui/react-charts';
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../engine/model';
import { TASK_CLASSES, type ReportModel } from '../../report';
import { sentenceCase } from '../../report/narrative';
import type { UiStrings } from '../strings';
import { CLASS_COLOURS } from './preview';
import type { ReportDocStrings } from './strings';

export interface ReportPreviewProps {
  t: UiStrings;
  d: ReportDocStrings;
  lang: Lang;
  /** Null until the appendix has been read. */
  model: ReportModel | null;
  /** The tab is shown. The chart is drawn only then: its focus groups (tabster grouppers) in a
   * hidden panel would catch the Tab key on its way from the tab list to another tab's panel. */
  shown?: boolean;
}

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  figure: { margin: `0 0 ${tokens.spacingVerticalM}` },
  totals: {
    display: 'grid',
    gridTemplateColumns: '1fr max-content',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, borderRadius: '2px' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& th': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
    '& td:not(:first-child), & th:not(:first-child)': { textAlign: 'right' },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

/** "II. Cải cách thủ tục hành chính": the area as the chart and the table name it. */
function areaName(model: ReportModel, i: number, d: ReportDocStrings): string {
  const s = model.bySection[i];
  if (s.section === null) return d.noArea;
  const words = sentenceCase(s.title);
  return `${s.section}. ${words.charAt(0).toLocaleUpperCase('vi')}${words.slice(1)}`;
}

export function ReportPreview(props: ReportPreviewProps): React.JSX.Element {
  const { t, d, model } = props;
  const styles = useStyles();
  const data: ChartProps[] = React.useMemo(
    () =>
      (model?.bySection ?? []).map((s, i) => ({
        chartTitle: areaName(model!, i, d),
        chartData: TASK_CLASSES.filter((c) => s.counts[c] > 0).map((c) => ({
          legend: t.classNames[c],
          horizontalBarChartdata: { x: s.counts[c], total: s.counts.total },
          color: CLASS_COLOURS[c],
        })),
      })),
    [model, t, d],
  );

  return (
    <section aria-labelledby="preview-title">
      <Subtitle2 as="h2" id="preview-title" className={styles.heading}>
        {t.previewTitle}
      </Subtitle2>
      {!model ? (
        <Caption1>{t.previewNeedsCheck}</Caption1>
      ) : (
        <>
          {data.length > 0 && props.shown !== false ? (
            <figure className={styles.figure} aria-label={d.chartLabel} data-testid="report-chart">
              <Caption1 as="p">{d.chartTitle}</Caption1>
              {/* The chart's own key would list each class once per area (and its overflow menu
                  fails when that list changes); the counts below, with their swatches, are the key. */}
              {/* Part to whole: each area's bar is its tasks, split by class, its total at the right. */}
              <HorizontalBarChart data={data} variant={HorizontalBarChartVariant.PartToWhole} culture={props.lang === 'vi' ? 'vi-VN' : 'en-GB'} legendProps={{ legends: [] }} />
            </figure>
          ) : null}
          <dl className={styles.totals} data-testid="report-preview">
            {TASK_CLASSES.map((c) => (
              <React.Fragment key={c}>
                <dt>
                  <span className={styles.swatch} style={{ backgroundColor: CLASS_COLOURS[c] }} aria-hidden="true" />
                  {t.classNames[c]}
                </dt>
                <dd>{model.total[c]}</dd>
              </React.Fragment>
            ))}
            <dt>{t.previewTotal}</dt>
            <dd>{model.total.total}</dd>
          </dl>
          <table className={styles.table} data-testid="report-areas">
            <caption className={styles.caption}>{d.areaTableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{d.areaColumn}</th>
                <th scope="col">{d.doneColumn}</th>
                <th scope="col">{d.overdueColumn}</th>
                <th scope="col">{d.totalColumn}</th>
              </tr>
            </thead>
            <tbody>
              {model.bySection.map((s, i) => (
                <tr key={`${s.section ?? ''}-${i}`}>
                  <th scope="row">{areaName(model, i, d)}</th>
                  <td>{s.counts.done}</td>
                  <td>{s.counts.overdue}</td>
                  <td>{s.counts.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
