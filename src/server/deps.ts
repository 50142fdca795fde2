import { createHash, randomUUID } from 'node:crypto';
import { cloudbaseBindingStore, cloudbaseCommunityDirectory } from './adapters/bindings';
import { cloudbaseOwnerDirectory, cloudbaseStaffDirectory } from './adapters/directories';
import { cloudbasePush, withTemplateFields, wxServerSdkPush } from './adapters/push';
import { cloudbaseTicketStore } from './adapters/ticket-store';
import { cloudbaseHandoverStore } from './adapters/handover-store';
import { withFactsRecorded } from './adapters/facts-recorder';
import { cloudbaseKpiStore } from './adapters/kpi-store';
import { cloudbasePhotoLinks } from './adapters/photo-links';
import { cloudbasePiiAccessLog } from './adapters/pii-access-log';
import { cloudbaseAdminTrail, cloudbaseCalendarStore } from './adapters/calendar-store';
import { DEFAULT_POLICY } from '../core/sla/policy';
import { initCloud } from './cloudbase';
import { policyAtStart, readConfig } from './env';
import type { Deps } from './ports';

let cached: { key: string; deps: Deps } | null = null;

/**
 * Wires the adapters once per warm instance. Keyed by the service URL so a local stack that
 * restarts on a new port in the same process gets fresh clients.
 */
export const defaultDeps = (): Deps => {
  // The settings are read (and checked) once per instance, not on every call.
  const key = process.env.CLOUDBASE_SERVICE_URL || 'cloud';
  if (cached?.key === key) return cached.deps;
  const config = readConfig();
  const app = initCloud(config);
  const db = app.database();
  // Settings do not change the push timeout (see withSettings).
  const { timeoutMs } = DEFAULT_POLICY.push;
  const kpi = cloudbaseKpiStore(db);
  const deps: Deps = {
    // Every save also keeps the KPI rollup (the facts depend on the policy's zone and thresholds).
    tickets: withFactsRecorded(cloudbaseTicketStore(db), kpi, policyAtStart()),
    kpi,
    staff: cloudbaseStaffDirectory(db),
    owners: cloudbaseOwnerDirectory(db),
    communities: cloudbaseCommunityDirectory(db),
    bindings: cloudbaseBindingStore(db),
    handovers: cloudbaseHandoverStore(db),
    push: withTemplateFields(
      config.serviceUrl ? cloudbasePush(app, config.miniprogramState, timeoutMs) : wxServerSdkPush(config.miniprogramState, timeoutMs),
      config.templateIds,
      config.templateFields,
    ),
    templateIds: config.templateIds,
    now: () => Date.now(),
    newId: () => randomUUID().replace(/-/g, ''),
    photoLinks: cloudbasePhotoLinks(app),
    piiAccess: cloudbasePiiAccessLog(db),
    calendar: cloudbaseCalendarStore(db),
    adminTrail: cloudbaseAdminTrail(db),
    requestedId: (sender, requestId) => createHash('sha256').update(`${sender}\n${requestId}`).digest('hex').slice(0, 32),
  };
  cached = { key, deps };
  return deps;
};
