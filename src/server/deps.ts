import { createHash, randomUUID } from 'node:crypto';
import { cloudbaseBindingStore, cloudbaseCommunityDirectory } from './adapters/bindings';
import { cloudbaseOwnerDirectory, cloudbaseStaffDirectory } from './adapters/directories';
import { cloudbasePush, withTemplateFields, wxServerSdkPush } from './adapters/push';
import { cloudbaseTicketQueries, cloudbaseTickets } from './adapters/ticket-store';
import { cloudbaseHandoverStore } from './adapters/handover-store';
import { withFactsRecorded } from './adapters/facts-recorder';
import { cloudbaseKpiRecorder, cloudbaseKpiStore } from './adapters/kpi-store';
import { cloudbasePhotoLinks } from './adapters/photo-links';
import { cloudbasePiiAccessLog } from './adapters/pii-access-log';
import { cloudbaseAdminTrail, cloudbaseCalendarEdits, cloudbaseCalendarStore } from './adapters/calendar-store';
import { DEFAULT_POLICY } from '../core/sla/policy';
import { initCloud, type CloudApp, type Database } from './cloudbase';
import { policyAtStart, readConfig, type ServerConfig } from './env';
import type { Deps } from './ports';

/** What every adapter is built from: the settings and the SDK, once per warm instance. */
export interface Cloud {
  config: ServerConfig;
  app: CloudApp;
  db: Database;
}

/** The members of Deps every function has (clock, ids, template ids); the others are ports. */
type Basics = 'now' | 'newId' | 'requestedId' | 'templateIds';
export type PortName = Exclude<keyof Deps, Basics>;
export type PortFactory<K extends PortName> = (cloud: Cloud) => Deps[K];
/** The ports a function uses, each with its adapter's factory. */
export type Ports = { [K in PortName]?: PortFactory<K> };

// One factory per port, so that a function's bundle holds the adapters it wires and no other.

// Every save also keeps the KPI rollup (the facts depend on the policy's zone and thresholds).
export const tickets: PortFactory<'tickets'> = ({ db }) => withFactsRecorded(cloudbaseTickets(db), cloudbaseKpiRecorder(db), policyAtStart());
export const ticketQueries: PortFactory<'ticketQueries'> = ({ db }) => cloudbaseTicketQueries(db);
export const kpi: PortFactory<'kpi'> = ({ db }) => cloudbaseKpiStore(db);
export const staff: PortFactory<'staff'> = ({ db }) => cloudbaseStaffDirectory(db);
export const owners: PortFactory<'owners'> = ({ db }) => cloudbaseOwnerDirectory(db);
export const communities: PortFactory<'communities'> = ({ db }) => cloudbaseCommunityDirectory(db);
export const bindings: PortFactory<'bindings'> = ({ db }) => cloudbaseBindingStore(db);
export const handovers: PortFactory<'handovers'> = ({ db }) => cloudbaseHandoverStore(db);
export const push: PortFactory<'push'> = ({ app, config }) => {
  // Settings do not change the push timeout (see withSettings).
  const { timeoutMs } = DEFAULT_POLICY.push;
  return withTemplateFields(
    config.serviceUrl ? cloudbasePush(app, config.miniprogramState, timeoutMs) : wxServerSdkPush(config.miniprogramState, timeoutMs),
    config.templateIds,
    config.templateFields,
  );
};
export const photoLinks: PortFactory<'photoLinks'> = ({ app }) => cloudbasePhotoLinks(app);
export const piiAccess: PortFactory<'piiAccess'> = ({ db }) => cloudbasePiiAccessLog(db);
export const calendar: PortFactory<'calendar'> = ({ db }) => cloudbaseCalendarStore(db);
export const calendarEdits: PortFactory<'calendarEdits'> = ({ db }) => cloudbaseCalendarEdits(db);
export const adminTrail: PortFactory<'adminTrail'> = ({ db }) => cloudbaseAdminTrail(db);

/** Keyed by the service URL so a local stack that restarts on a new port in the same process gets fresh clients. */
const cloudKey = () => process.env.CLOUDBASE_SERVICE_URL || 'cloud';
let cloud: { key: string; cloud: Cloud } | null = null;
const currentCloud = (key: string): Cloud => {
  if (cloud?.key === key) return cloud.cloud;
  // The settings are read (and checked) once per instance, not on every call.
  const config = readConfig();
  const app = initCloud(config);
  cloud = { key, cloud: { config, app, db: app.database() } };
  return cloud.cloud;
};

/**
 * A function's deps: the ports it names, wired once per warm instance, and the basics every
 * function has. Each entry names its ports (`wire({ tickets, staff, … })`), so that its bundle
 * holds only those adapters. A port it does not name is absent (typed as present: the use cases
 * take Deps); test/build/functions.test.ts checks that every function names each port its
 * bundled code reaches.
 */
export const wire = (ports: Ports): (() => Deps) => {
  let cached: { key: string; deps: Deps } | null = null;
  return () => {
    const key = cloudKey();
    if (cached?.key === key) return cached.deps;
    const c = currentCloud(key);
    const deps = {
      templateIds: c.config.templateIds,
      now: () => Date.now(),
      newId: () => randomUUID().replace(/-/g, ''),
      requestedId: (sender: string, requestId: string) => createHash('sha256').update(`${sender}\n${requestId}`).digest('hex').slice(0, 32),
    } as Deps;
    for (const [name, factory] of Object.entries(ports)) Object.assign(deps, { [name]: (factory as (cloud: Cloud) => unknown)(c) });
    cached = { key, deps };
    return deps;
  };
};

let everything: (() => Deps) | null = null;

/** Every port wired: for tests and scripts that run use cases directly (a function wires its own). */
export const defaultDeps = (): Deps =>
  (everything ??= wire({
    tickets,
    ticketQueries,
    kpi,
    staff,
    owners,
    communities,
    bindings,
    handovers,
    push,
    photoLinks,
    piiAccess,
    calendar,
    calendarEdits,
    adminTrail,
  } satisfies Required<Ports>))();
