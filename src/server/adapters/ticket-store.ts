import { PUSH_FAILURES_KEPT } from '../../core/notify/push-failures';
import { OPEN_STATES, type TicketState } from '../../core/tickets/states';
import { AWAITING_CALLBACK } from '../../core/tickets/callbacks';
import type { Ticket } from '../../core/tickets/model';
import type { Database } from '../cloudbase';
import type { TicketQueries, TicketStore } from '../ports';
import { addOnce } from './duplicate-key';

/** Tickets in the CloudBase `tickets` collection: one document per ticket, audit inside. */
export const cloudbaseTickets = (db: Database): TicketStore => {
  const col = db.collection('tickets');
  const _ = db.command;
  // Objects and arrays are replaced, not merged: a plain nested object in an update is merged
  // field by field by CloudBase, which would keep stale keys (e.g. a cleared assignee).
  const replaceValue = (v: unknown) => (v !== null && typeof v === 'object' ? _.set(v) : v);
  /** The outbox revision as read (tickets from before the field have none: null matches them). */
  const revIs = (rev: number | undefined) => (rev ? rev : _.in([0, null]));

  const get = async (id: string) => {
    const res = await col.doc(id).get();
    return ((res.data ?? [])[0] as Ticket | undefined) ?? null;
  };

  return {
    get,
    async insert(ticket) {
      if (await addOnce(() => col.add(ticket))) return { inserted: true };
      return { inserted: false, first: await get(ticket._id) };
    },
    async replace(next, expectedVersion) {
      // pushFailures is left out: only delivery appends to it, and a step read before a delivery
      // saved its failures must not write the older list back.
      const { _id, history, pushFailures: _appendedByDelivery, ...rest } = next;
      const patch: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rest)) patch[key] = replaceValue(value);
      // The audit trail only grows: append this step's entries in the same atomic update.
      const appended = history.slice(history.length - (next.version - expectedVersion));
      patch.history = _.push(appended);
      // Also the outbox as read: a delivery since then (same version) makes this step try again.
      const res = await col.where({ _id, version: expectedVersion, outboxRev: revIs(next.outboxRev) }).update(patch);
      return res.updated === 1;
    },
    async saveOutbox(ticket, sentIds, failures = []) {
      // Appended, newest kept: a list that only grows by this write, bounded in the same update.
      const failed = failures.length ? { pushFailures: _.push({ each: [...failures], slice: -PUSH_FAILURES_KEPT }) } : {};
      // `ticket` carries the revision this write makes; the stored one must be the one before.
      const res = await col.where({ _id: ticket._id, version: ticket.version, outboxRev: revIs((ticket.outboxRev ?? 1) - 1) }).update({
        outbox: _.set(ticket.outbox),
        ownerCredits: _.set(ticket.ownerCredits),
        nextDueAt: ticket.nextDueAt,
        outboxRev: _.inc(1),
        ...failed,
      });
      // Someone stepped the ticket meanwhile and copied our outbox: remove just what was sent.
      if (res.updated !== 1 && sentIds.length) {
        await col.doc(ticket._id).update({ outbox: _.pull({ id: _.in(sentIds) }), outboxRev: _.inc(1), ...failed });
      }
    },
    async addOwnerCredits(ticketId, openid, templates) {
      if (templates.length === 0) return true;
      const patch: Record<string, unknown> = {};
      for (const t of templates) patch[`ownerCredits.${t}`] = _.inc(1);
      const res = await col.where({ _id: ticketId, 'owner.openid': openid }).update(patch);
      return res.updated === 1;
    },
    async reschedule(next, seen, claimedIds) {
      const where: Record<string, unknown> = { _id: seen._id, version: seen.version, nextDueAt: seen.nextDueAt, outboxRev: revIs(seen.outboxRev) };
      // Array positions in the condition ('outbox.2.nextAttemptAt'): each claimed message must
      // still be where and as this sweep read it, or another sweep has claimed it first.
      for (const id of claimedIds) {
        const at = seen.outbox.findIndex((m) => m.id === id);
        if (at === -1) return false;
        where[`outbox.${at}.id`] = id;
        where[`outbox.${at}.nextAttemptAt`] = seen.outbox[at].nextAttemptAt;
      }
      const res = await col.where(where).update({ outbox: _.set(next.outbox), nextDueAt: next.nextDueAt, outboxRev: _.inc(1) });
      return res.updated === 1;
    },
  };
};

/** The lists and lookups of the `tickets` collection (see cloudbaseTickets). */
export const cloudbaseTicketQueries = (db: Database): TicketQueries => {
  const col = db.collection('tickets');
  const _ = db.command;
  const list = async (query: object, limit: number, order: 'createdAt' | 'updatedAt') =>
    ((await col.where(query).orderBy(order, 'desc').limit(limit).get()).data ?? []) as Ticket[];

  return {
    listByOwner: (openid, limit, filter = {}) =>
      list(
        {
          'owner.openid': openid,
          // Sub-tasks (协办单) are the staff's: the owner follows the complaint they came from.
          parent: _.exists(false),
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.states ? { state: _.in([...filter.states]) } : {}),
        },
        limit,
        'createdAt',
      ),
    listLate: async (states, limit, staffId) =>
      ((
        await col
          .where({ lateSince: _.neq(null), state: _.in([...states]), ...(staffId ? { 'assignee.staffId': staffId } : {}) })
          .orderBy('lateSince', 'desc')
          .limit(limit)
          .get()
      ).data ?? []) as Ticket[],
    listWaitingForHelp: async (limit, team) =>
      ((
        await col
          .where({ help: _.neq(null), state: _.in(['submitted', 'dispatched']), ...(team ? { team } : {}) })
          .orderBy('help.since', 'asc')
          .limit(limit)
          .get()
      ).data ?? []) as Ticket[],
    listOpenOfKind: (kind, limit) => list({ kind, state: _.in([...OPEN_STATES]) }, limit, 'createdAt'),
    listCreatedBetween: (from, to, limit) => list({ createdAt: _.and(_.gte(from), _.lt(to)) }, limit, 'createdAt'),
    versionsCreatedBetween: async (from, to, skip, limit) =>
      (
        ((
          await col
            .where({ createdAt: _.and(_.gte(from), _.lt(to)) })
            // _id breaks ties: pages by skip over createdAt alone may repeat or miss tickets
            // created in the same millisecond (a database returns ties in any order).
            .orderBy('createdAt', 'asc')
            .orderBy('_id', 'asc')
            .skip(skip)
            .limit(limit)
            .field({ _id: true, version: true })
            .get()
        ).data ?? []) as { _id: string; version: number }[]
      ).map((t) => ({ id: t._id, version: t.version })),
    listAwaitingCallback: async (limit) =>
      ((
        await col
          .where({ state: _.in([...AWAITING_CALLBACK]) })
          .orderBy('clocks.callback.dueAt', 'asc')
          .limit(limit)
          .get()
      ).data ?? []) as Ticket[],
    async findCardLoss(unitId, type, cardNo) {
      const reports = await list(
        { kind: 'card', 'unit.id': unitId, 'card.type': type, 'card.action': 'lost', state: _.neq('cancelled') },
        20,
        'createdAt',
      );
      // "The same card": the numbers agree, or one side did not know the number.
      return reports.find((r) => !cardNo || !r.card?.cardNo || r.card.cardNo === cardNo) ?? null;
    },
    listByAssignee: (staffId, states, limit) =>
      list({ 'assignee.staffId': staffId, state: _.in([...states]) }, limit, 'updatedAt'),
    listByStates: (states: readonly TicketState[], limit) => list({ state: _.in([...states]) }, limit, 'updatedAt'),
    async listByNumbers(nos) {
      if (nos.length === 0) return [];
      const found = await list({ no: _.in([...nos]) }, nos.length * 2, 'createdAt');
      // Numbers are unique in practice; should two share one, the newest stands for it.
      return nos.flatMap((no) => found.find((t) => t.no === no) ?? []);
    },
    async listDue(now, limit) {
      // Needs the index { nextDueAt: 1 } on tickets: null (nothing due, ever) never matches.
      const res = await col.where({ nextDueAt: _.lte(now) }).orderBy('nextDueAt', 'asc').limit(limit).get();
      return (res.data ?? []) as Ticket[];
    },
  };
};

/** Both: the whole `tickets` collection, as tests and scripts use it. */
export const cloudbaseTicketStore = (db: Database): TicketStore & TicketQueries => ({ ...cloudbaseTickets(db), ...cloudbaseTicketQueries(db) });
