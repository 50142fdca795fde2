import type { Policy } from './policy';

/** The parts of the policy a deployment sets in its configuration (see .env.example). */
export interface PolicySettings {
  /** IC card reissue fee (补办成本费), in fen; undefined keeps the policy's. */
  reissueFeeFen?: number;
}

/** The policy with a deployment's settings applied; the policy itself is left as it was. */
export const withSettings = (policy: Policy, settings: PolicySettings): Policy =>
  settings.reissueFeeFen === undefined ? policy : { ...policy, card: { ...policy.card, reissueFeeFen: settings.reissueFeeFen } };
