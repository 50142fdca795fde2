import type { Handlers } from '../function';
import { calendarYear, saveCalendarYear } from '../usecases/calendar-admin';

/** Cloud function `admin`: the company's own administration (节假日安排). */
export const adminHandlers: Handlers<'admin.calendar' | 'admin.saveCalendar'> = {
  'admin.calendar': (input, call) => calendarYear(call.deps, call.policy, call.openid, input.year),
  'admin.saveCalendar': (input, call) => saveCalendarYear(call.deps, call.policy, call.openid, input),
};
