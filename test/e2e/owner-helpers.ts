/**
 * What the owner stories (owner-requests, owner-followups) share: a person's taps that recur
 * (submit a repair, open one's own ticket, rate, work a task as staff), a look at the server's
 * side (the stored ticket, the recorded pushes), small real photos and the toast's words.
 */
import { deflateSync } from 'node:zlib';
import tcb from '@cloudbase/node-sdk';
import type { Locator, Page } from 'playwright-core';
import type { Ticket } from '@/core/tickets/model';
import { arrive, expectText } from './browser';
import { ROUTES, type story } from './story';

export type Story = ReturnType<typeof story>;

export const OWNER = { name: '林先生', openid: 'demo-owner-lin' };
export const PLUMBER = { name: '王师傅', openid: 'demo-tech-wang' };
export const CARPENTER = { name: '赵师傅', openid: 'demo-tech-zhao' };
export const KEEPER_A = { name: '张管家', openid: 'demo-keeper-zhang' };
export const DESK = { name: '陈前台', openid: 'demo-desk-chen' };

// ---- the server's side -------------------------------------------------------------------------

const databases = new Map<string, ReturnType<ReturnType<typeof tcb.init>['database']>>();

/** The stack's database through the real node-sdk, as the functions read it. */
const database = (s: Story) => {
  const serviceUrl = s.stack.stack.serviceUrl;
  let db = databases.get(serviceUrl);
  if (!db) {
    db = tcb.init({ env: 'e2e', serviceUrl }).database();
    databases.set(serviceUrl, db);
  }
  return db;
};

/** The ticket as stored. */
export async function storedTicket(s: Story, id: string): Promise<Ticket> {
  const res = await database(s).collection('tickets').doc(id).get();
  const doc = (Array.isArray(res.data) ? res.data[0] : res.data) as Ticket | undefined;
  if (!doc) throw new Error(`no stored ticket ${id}`);
  return doc;
}

/** Stored tickets matching a query (to check what was, or was not, created). */
export async function storedTickets(s: Story, where: Record<string, unknown>): Promise<Ticket[]> {
  const res = await database(s).collection('tickets').where(where).get();
  return res.data as Ticket[];
}

/** Subscription messages sent to one person since the last clear. */
export const pushesTo = (s: Story, openid: string) =>
  s.stack.stack.emulator.messages().filter((m) => m.touser === openid);

// ---- photos ------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/**
 * A real, decodable PNG (8-bit RGB, no interlace), drawn pixel by pixel: a wall-coloured
 * background with a darker diagonal band, so it reads as a picture in the screenshots.
 */
export function makePng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y) < width / 8;
      const o = row + 1 + x * 3;
      raw[o] = band ? r >> 1 : r;
      raw[o + 1] = band ? g >> 1 : g;
      raw[o + 2] = band ? b >> 1 : b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG, encoded by the browser's own canvas (as a phone camera's photo would be). */
export async function makeJpeg(page: Page, width: number, height: number, color: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h, c]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d')!;
      g.fillStyle = c;
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#ffffff';
      g.fillRect(w * 0.1, h * 0.4, w * 0.8, h * 0.2);
      return canvas.toDataURL('image/jpeg', 0.9);
    },
    [width, height, color] as const,
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/**
 * 返单 of a repair needs a photo of the result: one picked through the browser's own chooser in
 * the finish form's 维修结果照片 field, waited for until it has uploaded.
 */
export async function addResultPhoto(page: Page, form: Locator, rgb: [number, number, number] = [150, 180, 200]): Promise<void> {
  const picker = form.locator('.result-photo-picker');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.locator('.photo-picker__add').click()]);
  await chooser.setFiles([{ name: 'result.png', mimeType: 'image/png', buffer: makePng(120, 90, rgb) }]);
  await picker.locator('.photo-picker__photo').first().waitFor();
  await picker.locator('.photo-picker__uploading').waitFor({ state: 'detached' });
}

/**
 * The bytes the stack serves for a stored photo reference (`local://photos/<id>.<ext>`), through a
 * temporary link minted as the server mints one (storage is private).
 */
export async function servedPhoto(s: Story, ref: string): Promise<Buffer> {
  const app = tcb.init({ env: 'e2e', serviceUrl: s.stack.stack.serviceUrl });
  const [link] = (await app.getTempFileURL({ fileList: [{ fileID: ref, maxAge: 60 }] })).fileList;
  const res = await fetch(`${s.stack.url}${link?.tempFileURL ?? ''}`);
  if (!res.ok) throw new Error(`GET photo ${ref}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** True once every <img> under the locator has decoded a picture (not a broken icon). */
export const imagesLoaded = (root: Locator): Promise<boolean[]> =>
  root.locator('img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).map((i) => i.complete && i.naturalWidth > 0));

// ---- feedback ----------------------------------------------------------------------------------

/** The words of the toast that is showing (or shows next), as the person reads them. */
export async function toastText(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).find(
      (el) => el.style.display !== 'none' && (el.textContent ?? '').trim() !== '',
    );
    return shown ? (shown.textContent ?? '').trim() : false;
  });
  return (await handle.jsonValue()) as string;
}

// ---- a person's taps ---------------------------------------------------------------------------

/** A repair as the owner fills it in: the unit chip, a category tile and a description. */
export interface RepairDraft {
  unit?: string;
  category: string;
  description: string;
}

/** Fills the 我要报修 form's unit, category and description (the form is on screen). */
export async function fillRepair(form: Locator, draft: RepairDraft): Promise<void> {
  if (draft.unit) {
    await form.locator('.unit-picker .chip', { hasText: draft.unit }).click();
    await form.locator('.unit-picker .chip--active', { hasText: draft.unit }).waitFor();
  }
  await form.locator('.category-item', { hasText: draft.category }).click();
  await form.locator('.category-item--active', { hasText: draft.category }).waitFor();
  await form.locator('.repair-description textarea').fill(draft.description);
  await expectText(form.locator('.repair-description .field-textarea__counter'), `${draft.description.length}/500`);
}

/** 提交报修 (or 提交投诉 …): taps the button and waits for the new ticket's detail page. */
export async function submitTo(s: Story, button: Locator): Promise<{ id: string; detail: Locator }> {
  await button.click();
  const detail = await arrive(s.page, ROUTES.detail);
  await detail.locator('.ticket-state').waitFor();
  return { id: s.idInAddress(), detail };
}

/** A simple repair from home, photographed on the way: returns the detail page on screen. */
export async function quickRepair(s: Story, home: Locator, draft: RepairDraft, shot: string) {
  await home.getByText('我要报修').click();
  const form = await s.visit(ROUTES.repairNew, `${shot}-repair-form`, (r) => r.locator('.category-item'));
  await fillRepair(form, draft);
  await s.screenshot(form, `${shot}-repair-form-filled`);
  return submitTo(s, form.locator('.repair-submit'));
}

/** 我的工单 → (a kind tab) → the card with this description → its detail page. */
export async function openOwnTicket(s: Story, home: Locator, description: string, shot: string, tab?: string): Promise<Locator> {
  await home.getByText('我的工单').click();
  const list = await s.arrive(ROUTES.tickets);
  if (tab) {
    await list.locator('.tabs__item', { hasText: tab }).click();
    await list.locator('.tabs__item--selected', { hasText: tab }).waitFor();
  }
  await list.locator('.ticket-card', { hasText: description }).waitFor();
  await s.screenshot(list, `${shot}-my-tickets`);
  await list.locator('.ticket-card', { hasText: description }).click();
  const detail = await arrive(s.page, ROUTES.detail);
  await detail.locator('.ticket-state').waitFor();
  return detail;
}

/** As staff: 我的任务 → the card under 待接单 → the task page. */
export async function openTask(s: Story, home: Locator, description: string, shot: string, tab = '待接单'): Promise<Locator> {
  await home.getByText('我的任务').click();
  const inbox = await s.arrive(ROUTES.inbox);
  if (tab !== '待接单') await inbox.locator('.tabs__item', { hasText: tab }).click();
  await inbox.locator('.task-card', { hasText: description }).waitFor();
  await s.screenshot(inbox, `${shot}-inbox`);
  await inbox.locator('.task-card', { hasText: description }).click();
  const task = await arrive(s.page, ROUTES.task);
  await task.locator('.ticket-state').waitFor();
  return task;
}

/** A one-tap staff step (接单, 到场签到 …): the button, then the state it leads to. */
export async function staffStep(task: Locator, button: string, state: string): Promise<void> {
  await task.locator(button).click();
  await expectText(task.locator('.ticket-state'), state);
}

/** The 回访评价 form: stars by their labels, an optional comment, 提交评价. */
export async function rate(s: Story, detail: Locator, handling: number, staff: number, comment: string, shot: string): Promise<void> {
  const form = detail.locator('.rating-section');
  for (const [question, stars] of [['处理结果满意度', handling], ['服务态度满意度', staff]] as const) {
    await form.locator(`[aria-label="${question} ${stars}星"]`).click();
    await form.locator(`[aria-label="${question} ${stars}星"][aria-checked="true"]`).waitFor();
  }
  if (comment) {
    await form.locator('textarea').fill(comment);
    await expectText(form.locator('.field-textarea__counter'), `${comment.length}/300`);
  }
  expect(await form.locator('.star-rating__star--on').count()).toBe(handling + staff);
  await s.screenshot(detail, `${shot}-rating-filled`);
  await form.getByText('提交评价').click();
}
