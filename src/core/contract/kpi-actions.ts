import * as z from 'zod/mini';
import { KPI_CLOCKS } from '../kpi/clock-outcomes';
import { KPI_DRILLS } from '../kpi/drill';
import { KPI_PERIODS } from '../kpi/labels';
import { TEAMS } from '../tickets/actor';
import { TICKET_KINDS } from '../tickets/kinds';
import { idField, textField } from './fields';

const dayField = z.string({ error: '日期格式不正确' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式不正确' }));
const monthField = z.string({ error: '月份格式不正确' }).check(z.regex(/^\d{4}-\d{2}$/, { error: '月份格式不正确' }));

/** Which tickets: a period (or custom days) and, optionally, one community, kind, team or person. */
const scopeInput = z.object({
  period: z._default(z.enum(KPI_PERIODS, { error: '请选择统计时段' }), 'thisMonth'),
  from: z.optional(dayField),
  to: z.optional(dayField),
  community: z.optional(textField('小区', 40, 1)),
  kind: z.optional(z.enum(TICKET_KINDS, { error: '工单类型不正确' })),
  team: z.optional(z.enum(TEAMS, { error: '班组不正确' })),
  staffId: z.optional(idField('人员')),
});

const rateSchema = z.object({ value: z.nullable(z.number()), num: z.number(), den: z.number(), target: z.nullable(z.number()) });
const durationSchema = z.object({ count: z.number(), avgMs: z.nullable(z.number()), p90Ms: z.nullable(z.number()), targetMs: z.nullable(z.number()) });

export const figuresSchema = z.object({
  volume: z.number(),
  requests: z.number(),
  subtasks: z.number(),
  open: z.number(),
  closed: z.number(),
  cancelled: z.number(),
  referred: z.number(),
  completionRate: rateSchema,
  onTime: z.record(z.enum(KPI_CLOCKS), rateSchema),
  callbackRate: rateSchema,
  callbacks: z.object({ owner: z.number(), phone: z.number(), auto: z.number(), due: z.number() }),
  satisfaction: z.object({ handling: rateSchema, staff: rateSchema }),
  reopenRate: rateSchema,
  reopens: z.number(),
  complaints: z.number(),
  complaintsAboutStaff: z.number(),
  time: z.object({ dispatch: durationSchema, arrive: durationSchema, return: durationSchema, close: durationSchema }),
  cardTurnaround: durationSchema,
});

const groupSchema = z.object({ key: z.string(), label: z.string(), figures: figuresSchema });
const trendPointSchema = z.object({ bucket: z.string(), label: z.string(), figures: figuresSchema });
const breakdownSchema = z.object({ community: z.array(groupSchema), kind: z.array(groupSchema), team: z.array(groupSchema), staff: z.array(groupSchema) });

/** A month's report (月度统计), generated on the 1st and kept. */
export const reportSchema = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.number(),
  figures: figuresSchema,
  by: breakdownSchema,
});

const reportEntrySchema = z.object({ month: z.string(), generatedAt: z.number(), volume: z.number() });

export type Figures = z.infer<typeof figuresSchema>;
export type KpiGroupView = z.infer<typeof groupSchema>;
export type KpiTrendPoint = z.infer<typeof trendPointSchema>;
export type KpiReport = z.infer<typeof reportSchema>;
export type KpiReportEntry = z.infer<typeof reportEntrySchema>;

/** The CSV a person downloads (H5) or shares (weapp): UTF-8 with BOM, so Excel reads the Chinese. */
const csvFileSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number() });

/** Supervisors and managers: the figures (统计报表), the tickets behind them, CSV, the monthly reports. */
export const KPI_ACTIONS = {
  'kpi.dashboard': {
    input: scopeInput,
    output: z.object({
      from: z.string(),
      to: z.string(),
      unit: z.enum(['week', 'month']),
      figures: figuresSchema,
      trend: z.array(trendPointSchema),
      by: breakdownSchema,
      /** The choices of the filters: communities and staff who appear in the range. */
      communities: z.array(z.string()),
      reports: z.array(reportEntrySchema),
    }),
  },
  'kpi.tickets': {
    input: z.extend(scopeInput, { drill: z.enum(KPI_DRILLS, { error: '统计项不正确' }) }),
    output: z.object({
      title: z.string(),
      total: z.number(),
      /** The newest first, at most KPI_DRILL_LIMIT; `total` counts them all. */
      tickets: z.array(
        z.object({
          id: z.string(),
          no: z.string(),
          kindName: z.string(),
          categoryName: z.string(),
          community: z.string(),
          handlerName: z.nullable(z.string()),
          createdAt: z.number(),
          outcomeName: z.string(),
          /** Why it is here: e.g. 派单超时, 处理满意度 2星. */
          note: z.string(),
        }),
      ),
    }),
  },
  'kpi.exportCsv': {
    input: z.extend(scopeInput, { what: z.enum(['tickets', 'figures'], { error: '请选择导出内容' }) }),
    output: csvFileSchema,
  },
  'kpi.report': {
    input: z.object({ month: monthField }),
    output: z.object({ report: reportSchema }),
  },
  'kpi.reportCsv': {
    input: z.object({ month: monthField }),
    output: csvFileSchema,
  },
} as const;
