import fc from 'fast-check';
import * as z from 'zod/mini';
import { ACTIONS, ACTION_NAMES, actionsOf, functionOf, type ActionName } from '@/core/contract/actions';
import { parseRequest, type Reply } from '@/core/contract/envelope';
import { OTHER_FUNCTIONS } from '@/core/contract/names';
import { ERROR_MESSAGES } from '@/core/errors';
import { T0, HOUR } from '../fixtures';

const CHINESE = /[\u4e00-\u9fa5]/;
const FUNCTIONS = [...new Set(ACTION_NAMES.map(functionOf))];
const validSubmit = { unitId: 'unit-3-2-1801', category: 'plumbing_electric', description: '厨房水龙头漏水' };

const failure = (reply: Reply<never>): { code: string; message: string } => {
  if (reply.ok) throw new Error('a refused request must carry a failure reply');
  return reply;
};

/** Parses as the repair function would; fails the test if it unexpectedly succeeds. */
const rejection = (action: ActionName, input: unknown) => {
  const r = parseRequest({ action, input }, actionsOf(functionOf(action)));
  if (r.ok) throw new Error(`expected ${action} to reject ${JSON.stringify(input)}`);
  return failure(r.reply);
};

describe('action catalogue', () => {
  it('every action is named area.verb and has an input and an output schema', () => {
    expect(ACTION_NAMES.length).toBeGreaterThan(0);
    for (const name of ACTION_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      // zod/mini, not classic zod: the contract is bundled into every cloud function.
      expect(ACTIONS[name].input).toBeInstanceOf(z.ZodMiniType);
      expect(ACTIONS[name].output).toBeInstanceOf(z.ZodMiniType);
    }
  });

  it('the serving cloud function is the area of the action, unless names.ts gives it to another', () => {
    expect(functionOf('repair.submit')).toBe('repair');
    expect(functionOf('callback.rate')).toBe('callback');
    expect(actionsOf('repair').sort()).toEqual(['repair.confirmQuote', 'repair.submit']);
    expect(actionsOf('ticket').sort()).toEqual(['ticket.cancel', 'ticket.get', 'ticket.list', 'ticket.urge']);
    expect(functionOf('task.accept')).toBe('task');
    expect(functionOf('task.reassign')).toBe('taskmore');
    expect(functionOf('desk.findByRoom')).toBe('desk');
    expect(functionOf('desk.submitRepair')).toBe('intake');
    expect(functionOf('desk.recordCallback')).toBe('callback');
    for (const [fn, actions] of Object.entries(OTHER_FUNCTIONS)) {
      for (const action of actions) expect([action, ACTION_NAMES.includes(action as ActionName), functionOf(action)]).toEqual([action, true, fn]);
    }
    // An inherited name is no entry of the table.
    expect(functionOf('constructor.x')).toBe('constructor');
  });

  it('each action belongs to exactly one function', () => {
    for (const name of ACTION_NAMES) expect(FUNCTIONS.filter((fn) => actionsOf(fn).includes(name))).toEqual([functionOf(name)]);
  });
});

describe('parseRequest: the action must belong to the function', () => {
  const rows = ACTION_NAMES.flatMap((action) =>
    FUNCTIONS.filter((fn) => fn !== functionOf(action)).map((fn) => ({ action, fn })),
  );

  it.each(rows)('$action sent to the $fn function is ACTION.UNKNOWN', ({ action, fn }) => {
    expect(parseRequest({ action, input: {} }, actionsOf(fn))).toEqual({
      ok: false,
      reply: { ok: false, code: 'ACTION.UNKNOWN', message: ERROR_MESSAGES['ACTION.UNKNOWN'] },
    });
  });

  it.each(['repair.delete', '__proto__', 'constructor', 'toString', ''])('unknown action %j is ACTION.UNKNOWN', (action) => {
    const r = parseRequest({ action, input: {} }, actionsOf('repair'));
    expect(r).toMatchObject({ ok: false, reply: { code: 'ACTION.UNKNOWN' } });
  });

  it.each([null, undefined, 'repair.submit', 42, [], { input: {} }, { action: 5 }])('a malformed event %j is INPUT.INVALID', (event) => {
    expect(parseRequest(event, actionsOf('repair'))).toEqual({
      ok: false,
      reply: { ok: false, code: 'INPUT.INVALID', message: '请求格式不正确' },
    });
  });
});

describe('parseRequest: invalid input gets INPUT.INVALID with a Chinese message naming the field', () => {
  const cases: [string, ActionName, unknown, string][] = [
    ['missing description', 'repair.submit', { unitId: 'u1', category: 'drain' }, '问题描述'],
    ['blank description', 'repair.submit', { ...validSubmit, description: '   ' }, '请填写问题描述'],
    ['unknown category', 'repair.submit', { ...validSubmit, category: 'roof' }, '报修类别'],
    ['10,000-character description', 'repair.submit', { ...validSubmit, description: '漏'.repeat(10_000) }, '问题描述不能超过500个字'],
    ['{"$ne": null} as description', 'repair.submit', { ...validSubmit, description: { $ne: null } }, '问题描述'],
    ['{"$ne": null} as unitId', 'repair.submit', { ...validSubmit, unitId: { $ne: null } }, '房屋'],
    ['an operator string as unitId', 'repair.submit', { ...validSubmit, unitId: 'u1$where' }, '房屋'],
    ['{"$ne": null} as ticketId', 'ticket.get', { ticketId: { $ne: null } }, '工单编号'],
    ['{"$ne": null} as ticketId of a cancel', 'ticket.cancel', { ticketId: { $ne: null }, reason: '不需要了' }, '工单编号'],
    ['10 photos', 'repair.submit', { ...validSubmit, photos: Array.from({ length: 10 }, (_, i) => `cloud://photo-${i}.jpg`) }, '照片'],
    ['a photo that is not a string', 'repair.submit', { ...validSubmit, photos: [{ $ne: null }] }, '照片'],
    ['appointment end before start', 'repair.submit', { ...validSubmit, appointment: { start: T0 + 2 * HOUR, end: T0 + HOUR } }, '预约结束时间'],
    ['non-integer handling score', 'callback.rate', { ticketId: 't1', handling: 4.5, staff: 5 }, '处理结果'],
    ['score 6 for staff', 'callback.rate', { ticketId: 't1', handling: 5, staff: 6 }, '服务态度'],
    ['score 0 for handling', 'callback.rate', { ticketId: 't1', handling: 0, staff: 5 }, '处理结果'],
    ['a score given as a string', 'callback.rate', { ticketId: 't1', handling: '5', staff: 5 }, '处理结果'],
    ['missing cancel reason', 'ticket.cancel', { ticketId: 't1' }, '取消原因'],
    ['a quote without items', 'task.quote', { ticketId: 't1', items: [] }, '收费项目'],
  ];

  it.each(cases)('%s', (_label, action, input, fieldText) => {
    const reply = rejection(action, input);
    expect(reply.code).toBe('INPUT.INVALID');
    expect(reply.message).toMatch(CHINESE);
    expect(reply.message).toContain(fieldText);
  });

  it('any input to any action either parses or is refused in Chinese, never throws (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTION_NAMES), fc.oneof(fc.jsonValue(), fc.object()), (action, input) => {
        const r = parseRequest({ action, input }, [action]);
        if (!r.ok) {
          const { code, message } = failure(r.reply);
          expect(code).toBe('INPUT.INVALID');
          expect(message).toMatch(CHINESE);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseRequest: valid input', () => {
  it('repair.submit applies defaults and trims text', () => {
    const r = parseRequest({ action: 'repair.submit', input: { ...validSubmit, description: '  厨房水龙头漏水  ' } }, actionsOf('repair'));
    expect(r).toEqual({
      ok: true,
      action: 'repair.submit',
      input: {
        unitId: 'unit-3-2-1801',
        area: 'home',
        category: 'plumbing_electric',
        description: '厨房水龙头漏水',
        photos: [],
        appointment: null,
        urgent: false,
        grantedTemplates: [],
      },
    });
  });

  it('identity fields the client may try to send (openid, userInfo, owner) are stripped', () => {
    const r = parseRequest(
      {
        action: 'repair.submit',
        input: { ...validSubmit, openid: 'forged-openid', userInfo: { openId: 'x', appId: 'y' }, owner: { openid: 'x' }, _id: 'x', state: 'closed' },
        userInfo: { openId: 'x' },
      },
      actionsOf('repair'),
    );
    if (!r.ok) throw new Error(failure(r.reply).message);
    for (const key of ['openid', 'userInfo', 'owner', '_id', 'state']) expect(r.input).not.toHaveProperty(key);
  });

  it('a missing input is read as {} (actions without parameters)', () => {
    expect(parseRequest({ action: 'ticket.list' }, actionsOf('ticket'))).toEqual({ ok: true, action: 'ticket.list', input: { kind: 'all', status: 'all' } });
    expect(parseRequest({ action: 'task.list' }, actionsOf('task'))).toEqual({ ok: true, action: 'task.list', input: { tab: 'todo' } });
  });

  it('9 photos and a proper appointment are accepted', () => {
    const r = parseRequest(
      {
        action: 'repair.submit',
        input: { ...validSubmit, photos: Array.from({ length: 9 }, (_, i) => `cloud://env-1.bucket-1/photos/p${i}.jpg`), appointment: { start: T0 + HOUR, end: T0 + 2 * HOUR } },
      },
      actionsOf('repair'),
    );
    expect(r.ok).toBe(true);
  });
});
