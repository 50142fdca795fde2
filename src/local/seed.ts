import type { Database } from '../server/cloudbase';
import { DEMO_COMMUNITY, DEMO_OWNERS, DEMO_STAFF } from './demo-data';

/**
 * Writes the demo community through the real SDK, once: a stack that already has staff keeps
 * its data (and whatever was submitted) across restarts.
 */
export const seedDemo = async (db: Database): Promise<boolean> => {
  // The layout on its own check: a stack from before unit binding has staff but no layout yet.
  const layouts = await db.collection('communities').count();
  if ((layouts.total ?? 0) === 0) await db.collection('communities').add(DEMO_COMMUNITY);
  const existing = await db.collection('staff').count();
  if ((existing.total ?? 0) > 0) return false;
  for (const owner of DEMO_OWNERS) await db.collection('owners').add(owner);
  for (const member of DEMO_STAFF) await db.collection('staff').add(member);
  return true;
};
