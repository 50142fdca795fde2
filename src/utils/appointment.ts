import { DAY_MS, HOUR_MS, WEEKDAY_NAMES, chinaDayStart, chinaParts, formatClock, formatMonthDay } from './time';

/** Time windows an owner can book for a visit (预约上门时段), in China time. */
export const APPOINTMENT_SLOTS = [
  { id: 'morning', name: '上午', range: '09:00-12:00', startHour: 9, endHour: 12 },
  { id: 'afternoon', name: '下午', range: '14:00-18:00', startHour: 14, endHour: 18 },
  { id: 'evening', name: '晚上', range: '18:00-20:00', startHour: 18, endHour: 20 },
] as const;

export type SlotId = (typeof APPOINTMENT_SLOTS)[number]['id'];

export interface AppointmentRange {
  start: number;
  end: number;
}

/** How many days ahead an owner may book, today included. */
export const BOOKABLE_DAYS = 7;

/** The start instants (00:00 UTC+8) of today and the following days. */
export const upcomingDays = (now: number, count = BOOKABLE_DAYS): number[] => {
  const today = chinaDayStart(now);
  return Array.from({ length: count }, (_, i) => today + i * DAY_MS);
};

/** A slot on a day as epoch milliseconds: `{ start, end }` in China time. */
export const slotRange = (dayStart: number, slotId: SlotId): AppointmentRange => {
  const slot = APPOINTMENT_SLOTS.find((s) => s.id === slotId);
  if (!slot) throw new Error(`unknown slot ${slotId}`);
  const day = chinaDayStart(dayStart);
  return { start: day + slot.startHour * HOUR_MS, end: day + slot.endHour * HOUR_MS };
};

/** A slot can be booked only while it has not begun yet. */
export const isSlotOpen = (dayStart: number, slotId: SlotId, now: number): boolean =>
  slotRange(dayStart, slotId).start > now;

/** `11-23 周日 09:00-12:00`. */
export const formatAppointment = (a: AppointmentRange): string =>
  `${formatMonthDay(a.start)} ${WEEKDAY_NAMES[chinaParts(a.start).weekday]} ${formatClock(a.start)}-${formatClock(a.end)}`;

/** What the owner picked on the form: no appointment, or a day and a slot (maybe not both yet). */
export type AppointmentChoice = { mode: 'asap' } | { mode: 'book'; day: number | null; slot: SlotId | null };

export type AppointmentResult = { ok: true; value: AppointmentRange | null } | { ok: false; error: string };

/** The choice as the `appointment` field of `repair.submit`. */
export const toAppointment = (choice: AppointmentChoice, now: number): AppointmentResult => {
  if (choice.mode === 'asap') return { ok: true, value: null };
  if (choice.day === null || choice.slot === null) return { ok: false, error: '请选择预约日期和时段' };
  if (!isSlotOpen(choice.day, choice.slot, now)) return { ok: false, error: '所选时段已过，请重新选择' };
  return { ok: true, value: slotRange(choice.day, choice.slot) };
};
