import type { Database } from '../cloudbase';
import type { PiiAccessLog } from '../ports';

/** `pii_access`: one document per serving of an owner's personal data to a staff member, never updated. */
export const cloudbasePiiAccessLog = (db: Database): PiiAccessLog => {
  const col = db.collection('pii_access');
  return {
    async record(entry) {
      await col.add(entry);
    },
  };
};
