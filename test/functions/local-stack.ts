import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { ActionInput, ActionName, ActionOutput } from '@/core/contract/actions';
import type { Reply } from '@/core/contract/envelope';
import { functionOf } from '@/core/contract/names';
import { LOCAL_FUNCTIONS } from '@/local/functions';
import { seedDemo } from '@/local/seed';
import { startStack, type RunningStack, type StackOptions } from '@/local/stack';
import { TEST_TIME_LIMIT_MS } from '../time-limits';

export interface TestStackOptions {
  /** What GET /_local/identities lists (the H5 identity switcher); default none. */
  identities?: StackOptions['identities'];
}

/** A fresh local stack with the demo community, and helpers to call functions as someone. */
export const startTestStack = async (options: TestStackOptions = {}) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stack-test-'));
  const stack: RunningStack = await startStack({ dataDir, handlers: LOCAL_FUNCTIONS, identities: options.identities, timeLimitMs: TEST_TIME_LIMIT_MS });
  const app = tcb.init({ env: 'local-test', serviceUrl: stack.serviceUrl });
  const db = app.database();
  await seedDemo(db);
  stack.emulator.resetStats();

  /** Raw call: any event, any identity header (or none). */
  const post = async (fn: string, event: unknown, openid?: string): Promise<Reply<any>> => {
    const res = await fetch(`${stack.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(event),
    });
    return (await res.json()) as Reply<any>;
  };

  const as =
    (openid: string) =>
    <A extends ActionName>(action: A, input: ActionInput<A>): Promise<Reply<ActionOutput<A>>> =>
      post(functionOf(action), { action, input }, openid);

  /** Same as `as`, but fails the test with the server's message when the call fails. */
  const must =
    (openid: string) =>
    async <A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> => {
      const reply = await as(openid)(action, input);
      if (!reply.ok) throw new Error(`${action} as ${openid} failed: ${reply.code} ${reply.message}`);
      return reply.data;
    };

  /** Uploads a photo to the stack's storage (multipart, as Taro.uploadFile posts it); its reference. */
  const uploadPhoto = async (bytes: Uint8Array = TEST_JPEG): Promise<string> => {
    // The multipart body by hand: the page tests' jsdom has FormData and Blob of its own, which
    // Node's fetch does not take.
    const boundary = `----stack-test-${Date.now()}`;
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${stack.url}/_local/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: multipart,
    });
    const body = (await res.json()) as Reply<{ ref: string }>;
    if (!body.ok) throw new Error(`upload refused: ${JSON.stringify(body)}`);
    return body.data.ref;
  };

  /** Who holds a ticket, read from the database (owners only learn it once it is accepted). */
  const handlerOf = async (ticketId: string): Promise<string | null> => {
    const res = await db.collection('tickets').doc(ticketId).get();
    return ((res.data ?? [])[0] as { assignee: { name: string } | null } | undefined)?.assignee?.name ?? null;
  };

  return {
    stack,
    app,
    db,
    post,
    handlerOf,
    uploadPhoto,
    as,
    must,
    close: async () => {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

export const OWNER = 'demo-owner-lin';
export const OTHER_OWNER = 'demo-owner-huang';
export const PLUMBER = 'demo-tech-wang';
export const CARPENTER = 'demo-tech-zhao';
export const FRONT_DESK = 'demo-desk-chen';
export const SUPERVISOR = 'demo-super-zhou';
export const MANAGER = 'demo-manager-wu';
/** The housekeeper of A区 (1栋, 林先生's unit). */
export const KEEPER_A = 'demo-keeper-zhang';
export const LIN_UNIT = 'u-1-1-1201';
export const HUANG_UNIT = 'u-3-2-502';
export const ALL_OWNER_TEMPLATES = ['order_accepted', 'quote_pending', 'repair_done'] as const;
/** A stored photo reference: a repair is returned (返单) with at least one photo of the result. */
export const RESULT_PHOTO = 'local://photos/result0001.jpg';
/** A small JPEG (its magic bytes, then filler) for photo uploads. */
export const TEST_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2000 }, (_, i) => i % 251)]);
