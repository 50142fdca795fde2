import { z } from 'zod';

/**
 * Field builders that carry the Chinese message an owner sees when a value is wrong.
 * Every message names the field as the form does.
 */
export const idField = (label: string) =>
  z
    .string({ error: `${label}格式不正确` })
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: `${label}格式不正确` });

export const textField = (label: string, max: number, min = 0) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const scoreField = (label: string) =>
  z
    .number({ error: `请为${label}打分` })
    .int({ error: `${label}请选择1到5星` })
    .min(1, { error: `${label}请选择1到5星` })
    .max(5, { error: `${label}请选择1到5星` });

/** Epoch milliseconds. */
export const instantField = (label: string) =>
  z.number({ error: `${label}格式不正确` }).int({ error: `${label}格式不正确` }).positive({ error: `${label}格式不正确` });

export const ticketIdInput = z.object({ ticketId: idField('工单编号') });
