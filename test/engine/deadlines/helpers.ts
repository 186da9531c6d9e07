/** Shared helpers of the deadline tests: compact expectations worked out by hand. */
import { parseDeadline } from '../../../src/engine/deadlines';
import type { Deadline, DeadlineOffset, Recurrence } from '../../../src/engine/model';

export interface Expect {
  kind: Deadline['kind'];
  due?: string | null;
  start?: string | null;
  /** [due, words] of each step, in date order. */
  steps?: [string, string][];
  every?: Recurrence[];
  onDemand?: boolean;
  offset?: DeadlineOffset | null;
}

/** The Deadline an expectation describes (every field; the text is the cell's, NFC and trimmed). */
export function deadlineOf(text: string, e: Expect): Deadline {
  return {
    text: text.normalize('NFC').trim(),
    kind: e.kind,
    due: e.due ?? null,
    start: e.start ?? null,
    steps: (e.steps ?? []).map(([due, words]) => ({ due, text: words })),
    every: e.every ?? [],
    onDemand: e.onDemand ?? false,
    offset: e.offset ?? null,
  };
}

export function parse(text: string, planYear = 2024): Deadline {
  return parseDeadline(text, { planYear, date1904: false });
}

/** The deadline without the words of its steps (for cases where only the dates matter). */
export function shape(d: Deadline): Omit<Deadline, 'text' | 'steps'> & { steps: string[] } {
  const { text: _text, steps, ...rest } = d;
  return { ...rest, steps: steps.map((s) => s.due) };
}

// Short builders for the tables.
export const date = (due: string, start: string | null = null, more: Partial<Expect> = {}): Expect => ({ kind: 'date', due, start, ...more });
export const recurring = (due: string, every: Recurrence[], onDemand = false): Expect => ({ kind: 'recurring', due, every, onDemand });
export const milestones = (due: string, steps: [string, string][], every: Recurrence[] = [], onDemand = false): Expect => ({ kind: 'milestones', due, steps, every, onDemand });
export const event = (offset: DeadlineOffset | null = null, onDemand = false): Expect => ({ kind: 'event', offset, onDemand });
export const reference: Expect = { kind: 'reference' };
export const unparsed: Expect = { kind: 'unparsed' };
export const missing: Expect = { kind: 'missing' };
