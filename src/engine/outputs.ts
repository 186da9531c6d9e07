/** Output classifier (validation.md, "Output classes"). STUB: to be replaced. */
import type { OutputKind } from './model';

export function classifyOutput(text: string, extraDeliverables: readonly string[] = []): OutputKind {
  void extraDeliverables;
  return text.trim() ? 'vague' : 'missing';
}

/** The text states a target number (a percentage or a count of something). */
export function isMeasurable(text: string): boolean {
  void text;
  return false;
}
