import { bindUnit } from '../../core/binding/review';
import type { CommunityLayout } from '../../core/binding/community';
import type { BindingRequest } from '../../core/binding/request';
import type { Database } from '../cloudbase';
import type { BindingStore, CommunityDirectory, OwnerRecord } from '../ports';

/** Community layouts in the `communities` collection: configuration, a handful of documents. */
export const cloudbaseCommunityDirectory = (db: Database): CommunityDirectory => {
  const col = db.collection('communities');
  return {
    async get(id) {
      const res = await col.doc(id).get();
      return ((res.data ?? [])[0] as CommunityLayout | undefined) ?? null;
    },
    async list() {
      const res = await col.orderBy('_id', 'asc').limit(100).get();
      return (res.data ?? []) as CommunityLayout[];
    },
  };
};

/**
 * Thrown inside the approval transaction when another decision got there first: runTransaction
 * rolls back and rethrows it (it retries only on a commit conflict, and the retry sees the change).
 */
const LOST_RACE = /* @__PURE__ */ new Error('binding request changed meanwhile');

/**
 * Binding requests in the `bindings` collection. Decisions are conditional on the version read,
 * so of two reviewers deciding at once exactly one wins. An approval changes two documents (the
 * request and the owner's record) and does so in one transaction: there is never an approved
 * request whose unit is missing from the owner, nor a unit bound by a request that lost.
 */
export const cloudbaseBindingStore = (db: Database): BindingStore => {
  const col = db.collection('bindings');
  const _ = db.command;
  // Objects and arrays are replaced, not merged field by field (see ticket-store).
  const patchOf = (request: BindingRequest): Record<string, unknown> => {
    const { _id, ...rest } = request;
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) patch[key] = value !== null && typeof value === 'object' ? _.set(value) : value;
    return patch;
  };
  const list = async (query: object, order: 'asc' | 'desc', limit: number) =>
    ((await col.where(query).orderBy('createdAt', order).limit(limit).get()).data ?? []) as BindingRequest[];

  const get = async (id: string) => {
    const res = await col.doc(id).get();
    return ((res.data ?? [])[0] as BindingRequest | undefined) ?? null;
  };

  return {
    get,
    async insert(request) {
      try {
        await col.add(request);
        return true;
      } catch (e) {
        // A concurrent request took the same id (same person, same unit) first.
        if (await get(request._id)) return false;
        throw e;
      }
    },
    async replace(next, expectedVersion) {
      const res = await col.where({ _id: next._id, version: expectedVersion }).update(patchOf(next));
      return res.updated === 1;
    },
    async approve(next, expectedVersion) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        await db.runTransaction(async (tx: any) => {
          const stored = (await tx.collection('bindings').doc(next._id).get()).data as BindingRequest | null;
          if (!stored || stored.version !== expectedVersion) throw LOST_RACE;
          await tx.collection('bindings').doc(next._id).update(patchOf(next));
          const owners = tx.collection('owners');
          const owner = (await owners.doc(next.openid).get()).data as OwnerRecord | null;
          const bound = bindUnit(owner, next);
          if (owner) await owners.doc(next.openid).update({ units: _.set(bound.units) });
          else await owners.doc(next.openid).set(bound);
        });
        return true;
      } catch (e) {
        if (e === LOST_RACE) return false;
        throw e;
      }
    },
    listByOpenid: (openid, limit) => list({ openid }, 'desc', limit),
    listPending: (zones, limit) => list(zones ? { state: 'pending', 'unit.zone': _.in([...zones]) } : { state: 'pending' }, 'asc', limit),
  };
};
