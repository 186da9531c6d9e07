/**
 * The `rollup --json` contract (cli-json.md): one object for the whole run. Field names are
 * fixed; fields may be added, none renamed. Every class count of `total` is the sum of the
 * single-unit `report --json` counts of the files counted; rates are recomputed from the sums.
 */
import { z } from 'zod';
import { classCountsJsonSchema } from './report-json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodId = z.enum(['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y']);
const count = z.number().int().min(0);

export const rollupJsonSchema = z.strictObject({
  period: periodId,
  year: z.number().int(),
  from: isoDate,
  to: isoDate,
  /** The day the report is due. */
  due: isoDate,
  asOf: isoDate,
  total: classCountsJsonSchema,
  /** One line per counted file, in the summary's order (ranked by completion rate). */
  units: z.array(
    classCountsJsonSchema.extend({
      /** 1-based line of the summary sheet. */
      line: z.number().int().min(1),
      unit: z.string().min(1),
      file: z.string(),
      /** Other counted files of the same unit ("same unit twice"). */
      sameUnitAs: z.array(z.string()),
    }),
  ),
  /** Reform areas across units. */
  bySection: z.array(classCountsJsonSchema.extend({ area: z.string(), units: count })),
  overdue: z.array(
    z.strictObject({
      unit: z.string(),
      file: z.string(),
      row: z.number().int().min(1),
      stt: z.string().nullable(),
      task: z.string(),
      lead: z.string().nullable(),
      due: isoDate.nullable(),
      daysLate: z.number().int().min(1),
    }),
  ),
  /** What each unit must complete: tasks without a lead, a fixed deadline, a quantified output. */
  dataQuality: z.array(
    z.strictObject({
      unit: z.string(),
      file: z.string(),
      tasks: count,
      noLead: count,
      noFixedDeadline: count,
      outputNotQuantified: count,
      rows: count,
    }),
  ),
  /** Every input, in the order given (a folder's files sorted by name). */
  files: z.array(
    z.strictObject({
      file: z.string(),
      /** Counted in the roll-up. */
      ok: z.boolean(),
      status: z.enum(['counted', 'unreadable', 'duplicate', 'other-year']),
      /** Why it is not counted: one sentence. */
      reason: z.string().min(1).optional(),
      /** A counted file the office should look at (the same unit twice): one sentence. */
      note: z.string().min(1).optional(),
      /** The unit as the plan names it (settings, titles). */
      agency: z.string().optional(),
      /** The unit it counts for, after the mapping. */
      unit: z.string().optional(),
      planYear: z.number().int().optional(),
      tasks: count.optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      sameUnitAs: z.array(z.string()).optional(),
    }),
  ),
});
export type RollupJson = z.infer<typeof rollupJsonSchema>;
