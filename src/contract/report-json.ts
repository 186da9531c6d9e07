/**
 * The `report --json` contract (cli-json.md): one object per input file. Field names are fixed;
 * fields may be added, none renamed. Tests parse the CLI's output with this schema.
 */
import { z } from 'zod';
import { ISSUE_CODES } from '../engine/issues';
import { validateFailureJsonSchema } from './validate-json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodId = z.enum(['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y']);
const count = z.number().int().min(0);
const status = z.enum(['not-started', 'in-progress', 'done']);
const issueCode = z.enum(ISSUE_CODES);

export const classCountsJsonSchema = z.strictObject({
  total: count,
  doneOnTime: count,
  doneLate: count,
  done: count,
  inProgress: count,
  overdue: count,
  notDue: count,
  notFixed: count,
  /** done / total, 0..1; null when total is 0. */
  rate: z.number().min(0).max(1).nullable(),
});

const taskRefShape = {
  /** Excel row number (1-based) in the appendix. */
  row: z.number().int().min(1),
  stt: z.string().nullable(),
  task: z.string(),
  lead: z.string().nullable(),
  due: isoDate.nullable(),
  /** The status cell as read (null when empty), as in validate --json. */
  status: status.nullable(),
  doneDate: isoDate.nullable(),
};

export const reportJsonSchema = z.strictObject({
  file: z.string(),
  /** The appendix sheet the report was built from. */
  sheet: z.string(),
  /** The agency named in the title block (setting, else the plan's titles), or null. */
  agency: z.string().nullable(),
  period: periodId,
  year: z.number().int(),
  from: isoDate,
  to: isoDate,
  /** The day the report is due. */
  due: isoDate,
  asOf: isoDate,
  /** The period whose window "upcoming" covers, and that window (from the day after asOf). */
  next: z.strictObject({ period: periodId, year: z.number().int(), from: isoDate, to: isoDate }),
  bySection: z.array(classCountsJsonSchema.extend({ section: z.string().nullable(), title: z.string() })),
  byLead: z.array(classCountsJsonSchema.extend({ lead: z.string().nullable(), spellings: z.array(z.string()) })),
  total: classCountsJsonSchema,
  overdue: z.array(z.strictObject({ ...taskRefShape, daysLate: z.number().int().min(1) })),
  upcoming: z.array(z.strictObject({ ...taskRefShape, daysLeft: z.number().int().min(1) })),
  dataQuality: z.array(z.strictObject({ ...taskRefShape, codes: z.array(issueCode).min(1), reasons: z.array(z.string()) })),
  sheetName: z.string().min(1).max(31),
});
export type ReportJson = z.infer<typeof reportJsonSchema>;

/** Any line of `report --json` output: a report, or a file that could not be reported on (the
 * same failure line as validate). */
export const reportLineJsonSchema = z.union([reportJsonSchema, validateFailureJsonSchema]);
