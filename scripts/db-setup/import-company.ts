import type { Database } from '../../src/server/cloudbase';
import type { CompanyData, StaffEntry } from './company';

export interface ImportOutcome {
  collection: 'communities' | 'staff';
  id: string;
  name: string;
  action: 'created' | 'updated';
}

/**
 * Upserts the company file's documents by `_id`. A layout is configuration and is replaced as a
 * whole. A staff member's fields from the file are replaced too, but what the server keeps on
 * the same document — subscription credits and the open-task count — is left as it is.
 */
export const importCompany = async (db: Database, company: CompanyData): Promise<ImportOutcome[]> => {
  const _ = db.command;
  const outcomes: ImportOutcome[] = [];
  const exists = async (collection: string, id: string) => ((await db.collection(collection).doc(id).get()).data ?? []).length > 0;

  for (const layout of company.communities) {
    const { _id, ...fields } = layout;
    const found = await exists('communities', _id);
    await db.collection('communities').doc(_id).set(fields);
    outcomes.push({ collection: 'communities', id: _id, name: layout.name, action: found ? 'updated' : 'created' });
  }

  for (const member of company.staff) {
    const { _id, ...fields } = member;
    const doc = db.collection('staff').doc(_id);
    if (await exists('staff', _id)) {
      await doc.update(updatePatch(fields, _));
      outcomes.push({ collection: 'staff', id: _id, name: member.name, action: 'updated' });
    } else {
      await doc.set({ ...fields, credits: {}, openTasks: 0 });
      outcomes.push({ collection: 'staff', id: _id, name: member.name, action: 'created' });
    }
  }
  return outcomes;
};

/** Arrays and objects replaced rather than merged; a cap no longer in the file is removed. */
const updatePatch = (fields: Omit<StaffEntry, '_id'>, _: Database['command']): Record<string, unknown> => {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) patch[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
  if (fields.cap === undefined) patch.cap = _.remove();
  return patch;
};
