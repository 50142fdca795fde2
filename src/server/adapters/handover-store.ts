import type { Handover } from '../../core/duty/handover';
import type { Database } from '../cloudbase';
import type { HandoverStore } from '../ports';
import { addOnce } from './duplicate-key';

/**
 * Shift handovers in the `handovers` collection. A confirmation is conditional on the version
 * read and on the handover still waiting, so of two people confirming at once exactly one wins.
 */
export const cloudbaseHandoverStore = (db: Database): HandoverStore => {
  const col = db.collection('handovers');
  const list = async (query: object, limit: number) =>
    ((await col.where(query).orderBy('createdAt', 'desc').limit(limit).get()).data ?? []) as Handover[];
  return {
    async get(id) {
      const res = await col.doc(id).get();
      return ((res.data ?? [])[0] as Handover | undefined) ?? null;
    },
    insert: (handover) => addOnce(() => col.add(handover)),
    async confirm(next, expectedVersion) {
      const res = await col
        .where({ _id: next._id, version: expectedVersion, state: 'pending' })
        .update({ state: next.state, confirmedBy: db.command.set(next.confirmedBy), version: next.version });
      return res.updated === 1;
    },
    listPending: (limit, team) => list({ state: 'pending', ...(team ? { team } : {}) }, limit),
    listRecent: (team, limit) => list({ team }, limit),
  };
};
