// The real local stack for page tests: the same emulator + function host `npm start` runs, in
// this test file's process. Pages reach it exactly as the H5 build does: the real RPC client and
// H5 transport, over HTTP, with the demo identity from Taro storage (setDevIdentity).
//
// Tests create the data they need through the real functions (submit as an owner, accept as the
// technician, …) and check what a page did through them too, never through replies of their own.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ActionInput } from '@/core/contract/actions'
import type { TicketView } from '@/core/contract/views'
import type { Ticket } from '@/core/tickets/model'
import { packFacts, ticketFacts } from '@/core/kpi'
import { DEFAULT_POLICY } from '@/core/sla/policy'
import { cloudbaseKpiStore } from '@/server/adapters/kpi-store'
import {
  ALL_OWNER_TEMPLATES,
  CARPENTER,
  LIN_UNIT,
  OWNER,
  PLUMBER,
  RESULT_PHOTO,
  startTestStack,
  type TestStack,
  type TestStackOptions,
} from '../functions/local-stack'

export { CARPENTER, FRONT_DESK, KEEPER_A, LIN_UNIT, MANAGER, OTHER_OWNER, OWNER, PLUMBER, SUPERVISOR, type TestStack } from '../functions/local-stack'

/** An identity the demo data does not know: signed in, but bound to no unit. */
export const GUEST = 'demo-guest'

/** Starts a fresh stack (demo community seeded) and points the H5 transport at it. */
export async function startPageStack(options?: TestStackOptions): Promise<TestStack> {
  const s = await startTestStack(options)
  process.env.FUNCTION_HOST = s.stack.url
  return s
}

export async function stopPageStack(s: TestStack | undefined): Promise<void> {
  process.env.FUNCTION_HOST = ''
  await s?.close()
}

/** A local URL where nothing listens any more: what the pages see when the stack is down. */
export async function unreachableHost(): Promise<string> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

type SubmitInput = ActionInput<'repair.submit'>

/**
 * 林先生 reports a repair at his 1201 through the real function; it comes back dispatched to the
 * on-duty technician of its trade (plumbing → 王师傅, doors and windows → 赵师傅).
 */
export async function submitRepair(s: TestStack, over: Partial<SubmitInput> = {}): Promise<TicketView> {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '厨房水龙头漏水，关不紧',
    urgent: false,
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
    ...over,
  })
  return ticket
}

export type Stage = 'dispatched' | 'accepted' | 'on_site' | 'in_progress' | 'awaiting_confirmation' | 'callback_pending' | 'closed'

export const QUOTE = { items: [{ name: '更换水龙头', priceFen: 3000, quantity: 1 }], note: '不含材料' }

/**
 * A new repair taken to `stage` the way people would: the assigned technician accepts, arrives,
 * starts or quotes, finishes; the owner rates. Every step is a real function call.
 */
export async function ticketAt(s: TestStack, stage: Stage, over: Partial<SubmitInput> = {}): Promise<TicketView> {
  let ticket = await submitRepair(s, over)
  const tech = s.must(ticket.category === 'doors_windows' ? CARPENTER : PLUMBER)
  const owner = s.must(OWNER)
  const ticketId = ticket.id
  const steps: Record<Exclude<Stage, 'dispatched'>, Array<() => Promise<{ ticket: TicketView }>>> = {
    accepted: [() => tech('task.accept', { ticketId })],
    on_site: [() => tech('task.accept', { ticketId }), () => tech('task.arrive', { ticketId })],
    in_progress: [() => tech('task.accept', { ticketId }), () => tech('task.arrive', { ticketId }), () => tech('task.start', { ticketId })],
    awaiting_confirmation: [
      () => tech('task.accept', { ticketId }),
      () => tech('task.arrive', { ticketId }),
      () => tech('task.quote', { ticketId, ...QUOTE }),
    ],
    callback_pending: [
      () => tech('task.accept', { ticketId }),
      () => tech('task.arrive', { ticketId }),
      () => tech('task.finish', { ticketId, note: '已更换阀芯', photos: [RESULT_PHOTO] }),
    ],
    closed: [
      () => tech('task.accept', { ticketId }),
      () => tech('task.arrive', { ticketId }),
      () => tech('task.finish', { ticketId, note: '已更换阀芯', photos: [RESULT_PHOTO] }),
      () => owner('callback.rate', { ticketId, handling: 5, staff: 5, comment: '' }),
    ],
  }
  if (stage !== 'dispatched') for (const step of steps[stage]) ({ ticket } = await step())
  if (ticket.state !== stage) throw new Error(`ticket reached ${ticket.state}, not ${stage}`)
  return ticket
}

/**
 * Moves every instant of a stored ticket `ms` into the past, as if it had been submitted that much
 * earlier: the only way to see an SLA clock run out without waiting for it. Written to the real
 * database through the SDK; the functions then read it like any other ticket.
 */
export async function backdate(s: TestStack, ticketId: string, ms: number): Promise<void> {
  const col = s.db.collection('tickets')
  const { data } = await col.doc(ticketId).get()
  const t = (data as Ticket[])[0]
  if (!t) throw new Error(`no ticket ${ticketId}`)
  // A clock holds only instants (startedAt, dueAt, capAt?, stoppedAt?).
  const clocks = Object.fromEntries(
    Object.entries(t.clocks).map(([name, c]) => [name, Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (v as number) - ms]))]),
  )
  const _ = s.db.command
  await col.doc(ticketId).update({
    clocks: _.set(clocks),
    history: _.set(t.history.map((h) => ({ ...h, at: h.at - ms }))),
    createdAt: t.createdAt - ms,
    updatedAt: t.updatedAt - ms,
    nextDueAt: t.nextDueAt === null ? null : t.nextDueAt - ms,
  })
  // Its KPI rollup entry moves with it (a real ticket's creation day never changes): just after
  // midnight the earlier instants fall on the day before, and the old entry would count it twice.
  const days = s.db.collection('kpi_days')
  await days.where({ [`v.${ticketId}`]: _.exists(true) }).update({ [`f.${ticketId}`]: _.remove(), [`v.${ticketId}`]: _.remove() })
  const moved = (await col.doc(ticketId).get()).data[0] as Ticket
  const facts = ticketFacts(moved, DEFAULT_POLICY)
  await cloudbaseKpiStore(s.db as never).record(facts.day, ticketId, moved.version, packFacts(facts))
}

/**
 * 林先生 complains about something at his 1201 through the real function (reply wanted within a
 * day). It goes to the zone's housekeeper when one is on duty, else it waits `submitted`.
 */
export async function submitComplaint(s: TestStack, over: Partial<ActionInput<'complaint.submit'>> = {}): Promise<TicketView> {
  const { ticket } = await s.must(OWNER)('complaint.submit', {
    unitId: LIN_UNIT,
    category: 'cleaning',
    description: '楼道垃圾两天没人清理',
    replyBy: Date.now() + 24 * 3_600_000,
    grantedTemplates: ['order_accepted', 'repair_done'],
    ...over,
  })
  return ticket
}

/** 林先生 asks about an IC card for his 1201 through the real function (default: report a lost access card). */
export async function submitCard(s: TestStack, over: Partial<ActionInput<'card.submit'>> = {}): Promise<TicketView> {
  const { ticket } = await s.must(OWNER)('card.submit', {
    unitId: LIN_UNIT,
    type: 'access',
    action: 'lost',
    grantedTemplates: ['order_accepted', 'repair_done'],
    ...over,
  })
  return ticket
}
