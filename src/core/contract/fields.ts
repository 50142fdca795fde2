import * as z from 'zod/mini';

/**
 * Field builders that carry the Chinese message an owner sees when a value is wrong.
 * Every message names the field as the form does.
 *
 * The contract uses `zod/mini` (functions and `.check(...)` instead of chained methods): it is
 * bundled into every cloud function, and classic zod's methods drag in far more code.
 */
export const idField = (label: string) => {
  const error = `${label}格式不正确`;
  return z.string({ error }).check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, { error }));
};

export const textField = (label: string, max: number, min = 0) =>
  z
    .string({ error: `${label}格式不正确` })
    .check(
      z.trim(),
      z.minLength(min, { error: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` }),
      z.maxLength(max, { error: `${label}不能超过${max}个字` }),
    );

/**
 * A whole number in the safe range, as `z.int()` checks it (its error, and no further checks once
 * it fails), written as a refinement: z.int()'s number-format machinery is ~1.5 KB of every bundle.
 */
export const wholeNumber = (error: string) => z.refine<number>((n) => Number.isSafeInteger(n), { error, abort: true });

export const scoreField = (label: string) => {
  const error = `${label}请选择1到5星`;
  return z.number({ error: `请为${label}打分` }).check(wholeNumber(error), z.gte(1, { error }), z.lte(5, { error }));
};

/** A whole number above zero: an instant, a record's version. */
export const positiveIntField = (error: string) => z.number({ error }).check(wholeNumber(error), z.positive({ error }));

/** The version of the record as the person saw it: a change since then is refused, not overwritten. */
export const versionField = (label: string) => positiveIntField(`${label}版本不正确`);

/** Epoch milliseconds. */
export const instantField = (label: string) => positiveIntField(`${label}格式不正确`);

/** An appointment window (预约上门时间): at a repair's submit, and 改约 on the task. */
export const appointmentInput = () =>
  z
    .object({ start: instantField('预约开始时间'), end: instantField('预约结束时间') })
    .check(z.refine((a) => a.end > a.start, { error: '预约结束时间应晚于开始时间' }));

export const ticketIdInput = z.object({ ticketId: idField('工单编号') });

/**
 * The client's id for one submission, made once when the owner taps 提交 and kept across every
 * retry (and in the offline queue): the server makes at most one record per sender and request id.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const requestIdField = () =>
  z.optional(z.string({ error: '请求编号格式不正确' }).check(z.regex(REQUEST_ID_PATTERN, { error: '请求编号格式不正确' })));
