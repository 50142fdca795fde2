import * as z from 'zod';
import { PHONE_PATTERN } from '../../src/core/binding/request';
import { layoutProblems, zonesOf, type CommunityLayout } from '../../src/core/binding/community';
import { TRADES } from '../../src/core/catalog/categories';
import type { StaffMember } from '../../src/core/routing/staff';
import { STAFF_ROLES, TEAM_NAMES, type Team } from '../../src/core/tickets/actor';

/**
 * The company file `db:setup --company` imports: community layouts and the staff roster, in the
 * shapes the server reads (CommunityLayout, StaffMember). Typed in by people, so it is checked
 * as a whole before anything is written. See config/company.example.json.
 */

const code = z.string().regex(/^[A-Za-z0-9]{1,16}$/, '只能是字母和数字（1–16 位）');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间写作 HH:mm，例如 08:00、24:00');

const roomGrid = z.strictObject({
  floors: z.number().int().min(1).max(200),
  perFloor: z.number().int().min(1).max(99),
  firstFloor: z.number().int().min(-9).max(200).optional(),
  skipFloors: z.array(z.number().int()).optional(),
});

const community = z.strictObject({
  _id: z.string().min(1),
  name: z.string().min(1),
  idPrefix: code,
  buildings: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        code,
        zone: z.string().min(1),
        units: z.array(z.strictObject({ name: z.string().min(1), code, rooms: z.union([roomGrid, z.array(code).min(1)]) })).min(1),
      }),
    )
    .min(1),
});

const TEAMS = Object.keys(TEAM_NAMES) as [Team, ...Team[]];

/** A member as written in the file: what people decide. Credits and open tasks are the server's. */
const staffEntry = z.strictObject({
  _id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '只能是字母、数字、- 和 _'),
  openid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{6,64}$/, '不是有效的 openid：请换成该员工在小程序里的 openid（见文件开头的「说明」）'),
  name: z.string().min(1).max(20),
  phone: z.string().regex(PHONE_PATTERN, '请填写正确的 11 位手机号'),
  role: z.enum(STAFF_ROLES),
  team: z.enum(TEAMS),
  trades: z.array(z.enum(TRADES)),
  zones: z.array(z.string().min(1)),
  shifts: z.array(z.strictObject({ weekdays: z.array(z.number().int().min(1).max(7)).min(1), start: time, end: time })),
  active: z.boolean().default(true),
  cap: z.number().int().min(1).max(100).optional(),
});

const companyFile = z.strictObject({
  /** Free text for the people editing the file; ignored. */
  说明: z.array(z.string()).optional(),
  communities: z.array(community).default([]),
  staff: z.array(staffEntry).default([]),
});

export type StaffEntry = Omit<StaffMember, 'credits' | 'openTasks'>;

export interface CompanyData {
  communities: CommunityLayout[];
  staff: StaffEntry[];
}

export type CompanyResult = { ok: true; company: CompanyData } | { ok: false; problems: string[] };

const zhCN = z.locales.zhCN().localeError;

/** Where in the file, as people count: `staff 第 2 项（张管家）.role`. */
const where = (data: unknown, path: readonly PropertyKey[]): string => {
  const [list, index, ...rest] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return path.map(String).join('.') || '文件';
  const entry = (data as Record<string, unknown[]>)[list]?.[index] as { name?: unknown } | undefined;
  const label = typeof entry?.name === 'string' ? `（${entry.name}）` : '';
  return `${list} 第 ${index + 1} 项${label}${rest.length ? ` 的 ${rest.map(String).join('.')}` : ''}`;
};

const duplicates = (values: readonly string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** Checks across entries that the schema cannot see. */
const crossProblems = (company: CompanyData): string[] => {
  const problems: string[] = [];
  for (const c of company.communities) for (const p of layoutProblems(c)) problems.push(`小区「${c.name}」（${c._id}）布局有误：${p}`);
  for (const id of duplicates(company.communities.map((c) => c._id))) problems.push(`小区 _id「${id}」出现了不止一次`);
  for (const prefix of duplicates(company.communities.map((c) => c.idPrefix))) problems.push(`小区 idPrefix「${prefix}」被多个小区使用，房屋编号会重复`);
  for (const id of duplicates(company.staff.map((s) => s._id))) problems.push(`员工 _id「${id}」出现了不止一次`);
  for (const openid of duplicates(company.staff.map((s) => s.openid))) problems.push(`openid「${openid}」分给了不止一位员工`);
  const zones = new Set(company.communities.flatMap((c) => zonesOf(c)));
  for (const s of company.staff) {
    if (s.role === 'technician' && s.trades.length === 0) problems.push(`员工「${s.name}」是维修师傅，但 trades（工种）为空`);
    // Zones can be checked only against the layouts in the same file.
    if (zones.size) for (const zone of s.zones) if (!zones.has(zone)) problems.push(`员工「${s.name}」的片区「${zone}」不在任何小区的楼栋里（现有：${[...zones].join('、')}）`);
  }
  return problems;
};

/** The file's content, checked; problems are in Chinese, one line each, naming the entry. */
export const parseCompany = (data: unknown): CompanyResult => {
  const parsed = companyFile.safeParse(data, { error: zhCN });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${where(data, i.path)}：${i.message}`) };
  const company: CompanyData = { communities: parsed.data.communities, staff: parsed.data.staff };
  const problems = crossProblems(company);
  return problems.length ? { ok: false, problems } : { ok: true, company };
};
