import type { Database } from '../cloudbase';
import type { AdminTrail, AdminTrailEntry, CalendarEdits, CalendarStore, StoredCalendarYear } from '../ports';
import { addOnce } from './duplicate-key';

type CalendarDoc = StoredCalendarYear & { _id: string };

const fromDoc = ({ _id: _ignored, ...year }: CalendarDoc): StoredCalendarYear => year;

/** The working calendar in `calendar`: one document per year, `_id` the year, saved on its version. */
export const cloudbaseCalendarStore = (db: Database): CalendarStore => {
  const col = db.collection('calendar');
  return {
    async list() {
      return (((await col.limit(100).get()).data ?? []) as CalendarDoc[]).map(fromDoc).sort((a, b) => a.year - b.year);
    },
  };
};

/** One year of `calendar` read and written (see cloudbaseCalendarStore). */
export const cloudbaseCalendarEdits = (db: Database): CalendarEdits => {
  const col = db.collection('calendar');
  return {
    async get(year) {
      const doc = ((await col.doc(String(year)).get()).data ?? [])[0] as CalendarDoc | undefined;
      return doc ? fromDoc(doc) : null;
    },
    insert: (year) => addOnce(() => col.add({ _id: String(year.year), ...year })),
    async replace(next, expectedVersion) {
      const { updatedBy, ...rest } = next;
      const res = await col
        .where({ _id: String(next.year), version: expectedVersion })
        .update({ ...rest, holidays: db.command.set(next.holidays), workdays: db.command.set(next.workdays), ...(updatedBy ? { updatedBy: db.command.set(updatedBy) } : {}) });
      return res.updated === 1;
    },
  };
};

/** `admin_log`: one document per administrative change, never updated. */
export const cloudbaseAdminTrail = (db: Database): AdminTrail => {
  const col = db.collection('admin_log');
  return {
    async append(entry) {
      await col.add(entry);
    },
    async list(subject, limit) {
      const res = await col.where({ subject }).orderBy('at', 'desc').limit(limit).get();
      return ((res.data ?? []) as (AdminTrailEntry & { _id?: string })[]).map(({ _id: _ignored, ...e }) => e);
    },
  };
};
