import * as z from 'zod/mini';
import { textField, wholeNumber } from './fields';

/** The most days a year's arrangement lists: a generous bound against a pasted mistake. */
export const CALENDAR_MAX_HOLIDAYS = 80;
export const CALENDAR_MAX_WORKDAYS = 30;

const yearField = z.number({ error: '年份格式不正确' }).check(wholeNumber('年份格式不正确'), z.gte(2000, { error: '年份格式不正确' }), z.lte(2100, { error: '年份格式不正确' }));

const dateField = z.string({ error: '日期格式不正确' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式不正确' }));

const calendarDayInput = z.object({ date: dateField, name: textField('节日名称', 10, 1) });

const calendarDaySchema = z.object({ date: z.string(), name: z.string() });

/** One entry of the admin trail (操作记录): who changed what, when. */
export const adminTrailEntrySchema = z.object({
  at: z.number(),
  byName: z.string(),
  summary: z.string(),
});

/** A year's holiday arrangement as the manager and the supervisor see it. */
export const calendarYearViewSchema = z.object({
  year: z.number(),
  holidays: z.array(calendarDaySchema),
  workdays: z.array(calendarDaySchema),
  /** official: from the State Council's notice (seeded); estimate: from the law, to be confirmed; manager: entered or confirmed. */
  source: z.enum(['official', 'estimate', 'manager']),
  confirmed: z.boolean(),
  /** 0 while nothing is kept for the year yet (an estimate shown from the law). */
  version: z.number(),
  updatedAt: z.nullable(z.number()),
  updatedByName: z.nullable(z.string()),
  /** The viewer may change it (the manager). */
  mayEdit: z.boolean(),
  /** The years the manager may edit now. */
  editableFrom: z.number(),
  editableTo: z.number(),
  trail: z.array(adminTrailEntrySchema),
});

export type CalendarYearView = z.infer<typeof calendarYearViewSchema>;

/** Administration (the `admin` function): the company's working calendar. */
export const ADMIN_ACTIONS = {
  'admin.calendar': {
    input: z.object({ year: yearField }),
    output: z.object({ calendar: calendarYearViewSchema }),
  },
  'admin.saveCalendar': {
    input: z.object({
      year: yearField,
      holidays: z.array(calendarDayInput, { error: '放假日期格式不正确' }).check(z.maxLength(CALENDAR_MAX_HOLIDAYS, { error: `放假日期最多${CALENDAR_MAX_HOLIDAYS}天` })),
      workdays: z.array(calendarDayInput, { error: '调休上班日期格式不正确' }).check(z.maxLength(CALENDAR_MAX_WORKDAYS, { error: `调休上班日期最多${CALENDAR_MAX_WORKDAYS}天` })),
      /** Also confirm the arrangement (an estimate stops being 预估). */
      confirm: z._default(z.boolean({ error: '请选择是否确认' }), false),
      /** The version the manager saw; 0 when nothing was kept for the year yet. */
      version: z.number({ error: '版本不正确' }).check(wholeNumber('版本不正确'), z.gte(0, { error: '版本不正确' })),
    }),
    output: z.object({ calendar: calendarYearViewSchema }),
  },
} as const;
