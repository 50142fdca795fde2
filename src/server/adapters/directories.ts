import type { TemplateKey } from '../../core/notify/templates';
import type { StaffMember } from '../../core/routing/staff';
import type { Database } from '../cloudbase';
import type { OwnerDirectory, OwnerRecord, StaffDirectory } from '../ports';

/** Staff in the `staff` collection; each member's subscription credits live on their document. */
export const cloudbaseStaffDirectory = (db: Database): StaffDirectory => {
  const col = db.collection('staff');
  const _ = db.command;
  return {
    async byOpenid(openid) {
      if (!openid) return null;
      const res = await col.where({ openid }).limit(1).get();
      return ((res.data ?? [])[0] as StaffMember | undefined) ?? null;
    },
    async team(team) {
      const res = await col.where({ team, active: true }).limit(100).get();
      return (res.data ?? []) as StaffMember[];
    },
    async byRoles(roles) {
      if (roles.length === 0) return [];
      const res = await col.where({ role: _.in([...roles]), active: true }).limit(100).get();
      return (res.data ?? []) as StaffMember[];
    },
    async takeCredit(staffId, template, workload = 0) {
      // Conditional decrement: no read, and never below zero even under concurrent sends.
      const patch: Record<string, unknown> = { [`credits.${template}`]: _.inc(-1) };
      if (workload) patch.openTasks = _.inc(workload);
      const res = await col.where({ _id: staffId, [`credits.${template}`]: _.gt(0) }).update(patch);
      return res.updated === 1;
    },
    async adjustWorkloads(deltas) {
      await Promise.all(
        Object.entries(deltas)
          .filter(([, delta]) => delta !== 0)
          .map(([staffId, delta]) => col.doc(staffId).update({ openTasks: _.inc(delta) })),
      );
    },
    async clearCredit(staffId, template) {
      await col.doc(staffId).update({ [`credits.${template}`]: 0 });
    },
    async addCredits(staffId, templates: readonly TemplateKey[]) {
      if (templates.length) {
        const patch: Record<string, unknown> = {};
        for (const t of templates) patch[`credits.${t}`] = _.inc(1);
        await col.doc(staffId).update(patch);
      }
      const res = await col.doc(staffId).get();
      return (((res.data ?? [])[0] as StaffMember | undefined)?.credits ?? {}) as Record<string, number>;
    },
  };
};

/** Owners in the `owners` collection, keyed by openid, with their verified unit bindings. */
export const cloudbaseOwnerDirectory = (db: Database): OwnerDirectory => {
  const col = db.collection('owners');
  return {
    async byOpenid(openid) {
      if (!openid) return null;
      const res = await col.doc(openid).get();
      return ((res.data ?? [])[0] as OwnerRecord | undefined) ?? null;
    },
    // Both need their index on owners (src/server/database.ts).
    byUnit: async (unitId, limit) => ((await col.where({ 'units.id': unitId }).limit(limit).get()).data ?? []) as OwnerRecord[],
    byPhone: async (phone, limit) => ((await col.where({ phone }).limit(limit).get()).data ?? []) as OwnerRecord[],
  };
};
