/**
 * Counts for the report tab's preview, from the report engine's own classification (src/report)
 * so that the preview cannot disagree with the sheet it announces.
 */
import type { Analysis, ISODate } from '../engine/model';
import { addToCounts, classifyTask, emptyCounts, type ClassCounts } from '../report/classify';

export function previewCounts(analysis: Analysis, asOf: ISODate): ClassCounts {
  const counts = emptyCounts();
  for (const task of analysis.tasks) addToCounts(counts, classifyTask(task, asOf).cls);
  return counts;
}
