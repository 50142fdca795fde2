// How kind the local stack is. `fast` (the default): loopback, nothing waits, nothing fails by
// itself. `production` (LOCAL_PROFILE=production): the costs a deployed function pays, so the
// bench and the simulated month measure what an owner would wait for in the cloud.
import { seededRandom } from '../core/seeded-random';

export interface StackProfile {
  name: 'fast' | 'production';
  /** Each database round trip: `ms` plus up to `jitterMs` more. */
  database: { ms: number; jitterMs: number };
  /** Each WeChat open-API call (a subscription message): `ms`, a `slowShare` of them `slowMs`. */
  wechat: { ms: number; slowMs: number; slowShare: number };
  /** Share of sends WeChat answers with a transient error (errcode -1, 系统繁忙). */
  pushFailureShare: number;
  /** Function instances run the deployed bundles and load wx-server-sdk as they start. */
  deployedBundles: boolean;
  /** Seed of the profile's random choices, so a run can be replayed. */
  seed: number;
}

export const FAST_PROFILE: StackProfile = {
  name: 'fast',
  database: { ms: 0, jitterMs: 0 },
  wechat: { ms: 0, slowMs: 0, slowShare: 0 },
  pushFailureShare: 0,
  deployedBundles: false,
  seed: 1,
};

export const PRODUCTION_PROFILE: StackProfile = {
  name: 'production',
  database: { ms: 20, jitterMs: 10 },
  wechat: { ms: 150, slowMs: 1000, slowShare: 0.01 },
  pushFailureShare: 0.01,
  deployedBundles: true,
  seed: 20261214,
};

/** LOCAL_PROFILE (fast | production) and LOCAL_PROFILE_SEED. */
export const profileFromEnv = (env: NodeJS.ProcessEnv = process.env): StackProfile => {
  const name = env.LOCAL_PROFILE ?? 'fast';
  const profile = name === 'production' ? PRODUCTION_PROFILE : name === 'fast' ? FAST_PROFILE : undefined;
  if (!profile) throw new Error(`LOCAL_PROFILE must be fast or production, got "${name}"`);
  const seed = env.LOCAL_PROFILE_SEED === undefined ? profile.seed : Number(env.LOCAL_PROFILE_SEED);
  if (!Number.isInteger(seed)) throw new Error(`LOCAL_PROFILE_SEED must be an integer, got "${env.LOCAL_PROFILE_SEED}"`);
  return { ...profile, seed };
};

/** What one request costs under a profile: the wait before it is served, and whether WeChat fails it. */
export interface Latency {
  database(): number;
  wechat(): { waitMs: number; transientFailure: boolean };
}

export const latencyOf = (profile: StackProfile): Latency => {
  const random = seededRandom(profile.seed);
  return {
    database: () => (profile.database.ms === 0 ? 0 : profile.database.ms + random() * profile.database.jitterMs),
    wechat: () => ({
      waitMs: random() < profile.wechat.slowShare ? profile.wechat.slowMs : profile.wechat.ms,
      transientFailure: random() < profile.pushFailureShare,
    }),
  };
};

/** The database round trips and WeChat calls of a path, at the profile's typical latencies. */
export const floorMs = (profile: StackProfile, roundTrips: { database: number; wechat: number }): number =>
  roundTrips.database * (profile.database.ms + profile.database.jitterMs / 2) + roundTrips.wechat * profile.wechat.ms;
