import type { Database } from '../cloudbase';
import type { KpiDay, KpiReportRecord, KpiStore } from '../ports';

/** A field name may not hold a dot (it would be read as a path): ticket ids are hex, but be safe. */
const keyOf = (ticketId: string) => ticketId.replace(/\./g, '~');
const idOf = (key: string) => key.replace(/~/g, '.');

interface DayDoc {
  _id: string;
  f?: Record<string, string>;
  v?: Record<string, number>;
}

const fromKeys = <T>(o: Record<string, T> | undefined): Record<string, T> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [idOf(k), v]));

/**
 * Writes a ticket's facts into `kpi_days` (see cloudbaseKpiStore): all that a ticket save needs of
 * the rollup, so a function that saves tickets bundles no KPI reads.
 */
export const cloudbaseKpiRecorder = (db: Database): Pick<KpiStore, 'record'> => {
  const days = db.collection('kpi_days');
  const _ = db.command;
  return {
    async record(day, ticketId, version, facts) {
      const key = keyOf(ticketId);
      // Only over an older entry, or none: `not gte` also matches a missing field.
      const where = { _id: day, [`v.${key}`]: _.not(_.gte(version)) };
      const patch = { [`f.${key}`]: facts, [`v.${key}`]: version };
      if ((await days.where(where).update(patch)).updated === 1) return;
      try {
        // The day's first ticket: the document does not exist yet.
        await days.add({ _id: day, f: { [key]: facts }, v: { [key]: version } });
      } catch {
        // Someone created it meanwhile (or a newer entry is there): try once more over it.
        await days.where(where).update(patch);
      }
    },
  };
};

/**
 * `kpi_days`: one document per business-zone day (_id 'YYYY-MM-DD') holding `f.<ticketId>` (packed
 * facts) and `v.<ticketId>` (their ticket version). A save writes one entry of one document, so a
 * view of a month reads about 31 documents however many tickets it had. `kpi_reports`: one
 * document per month (_id 'YYYY-MM').
 */
export const cloudbaseKpiStore = (db: Database): KpiStore => {
  const days = db.collection('kpi_days');
  const reports = db.collection('kpi_reports');
  const _ = db.command;

  return {
    ...cloudbaseKpiRecorder(db),
    async days(from, to) {
      const res = await days
        .where({ _id: _.and(_.gte(from), _.lte(to)) })
        .orderBy('_id', 'asc')
        .limit(1000)
        .get();
      return ((res.data ?? []) as DayDoc[]).map((d): KpiDay => ({ day: d._id, facts: fromKeys(d.f), versions: fromKeys(d.v) }));
    },
    async versionsOf(day) {
      const res = await days.where({ _id: day }).field({ v: true }).get();
      return fromKeys(((res.data ?? [])[0] as DayDoc | undefined)?.v);
    },
    async saveReport(report) {
      await reports.doc(report.month).set({ ...report, volume: report.figures.volume });
    },
    async report(month) {
      const res = await reports.doc(month).get();
      const doc = (res.data ?? [])[0] as (KpiReportRecord & { _id: string }) | undefined;
      if (!doc) return null;
      const { _id: _ignored, volume: _volume, ...report } = doc as KpiReportRecord & { _id: string; volume?: number };
      return report;
    },
    async listReports(limit) {
      const res = await reports.where({}).orderBy('_id', 'desc').limit(limit).field({ month: true, generatedAt: true, volume: true }).get();
      return ((res.data ?? []) as { month: string; generatedAt: number; volume: number }[]).map((r) => ({
        month: r.month,
        generatedAt: r.generatedAt,
        volume: r.volume,
      }));
    },
  };
};
