import type { CollectionSpec, IndexSpec } from '../../src/server/database';
import type { CreateIndex, IndexInfo, ManagerApi } from './manager-api';

/** What one collection needed and what was done about it. */
export interface CollectionOutcome {
  name: string;
  created: boolean;
  indexesCreated: string[];
  indexesExisting: string[];
  /** Indexes present under our name but with other fields or uniqueness: never dropped here. */
  indexesDiffering: string[];
  /** The rule before this run ('' when it could not be read), and whether this run set it. */
  ruleBefore: string;
  ruleSet: boolean;
  /** Why the rule could not be applied, when it could not. */
  ruleError?: string;
}

export const toCreateIndex = (index: IndexSpec): CreateIndex => ({
  IndexName: index.name,
  MgoKeySchema: {
    MgoIndexKeys: Object.entries(index.keys).map(([Name, direction]) => ({ Name, Direction: String(direction) })),
    MgoIsUnique: index.unique ?? false,
  },
});

const sameIndex = (wanted: IndexSpec, found: IndexInfo): boolean => {
  const keys = Object.entries(wanted.keys).map(([name, direction]) => `${name}:${direction}`);
  const foundKeys = found.Keys.map((k) => `${k.Name}:${k.Direction}`);
  return keys.join(',') === foundKeys.join(',') && (wanted.unique ?? false) === found.Unique;
};

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Makes one collection as the list says: created if missing, missing indexes added in one
 * UpdateTable call, and its rule set. Reads first and writes only what differs, so a second run
 * makes no change.
 */
export const setupCollection = async (api: ManagerApi, envId: string, spec: CollectionSpec): Promise<CollectionOutcome> => {
  const { IsCreated } = await api.database.createCollectionIfNotExists(spec.name);
  // One DescribeTable for all the indexes (checkIndexExists would ask once per index).
  const existing = (await api.database.describeCollection(spec.name)).Indexes ?? [];
  const outcome: CollectionOutcome = {
    name: spec.name,
    created: IsCreated,
    indexesCreated: [],
    indexesExisting: [],
    indexesDiffering: [],
    ruleBefore: '',
    ruleSet: false,
  };
  const missing: IndexSpec[] = [];
  for (const index of spec.indexes) {
    const found = existing.find((i) => i.Name === index.name);
    if (!found) missing.push(index);
    else if (sameIndex(index, found)) outcome.indexesExisting.push(index.name);
    else outcome.indexesDiffering.push(index.name);
  }
  if (missing.length) {
    await api.database.updateCollection(spec.name, { CreateIndexes: missing.map(toCreateIndex) });
    outcome.indexesCreated = missing.map((i) => i.name);
  }

  const tcb = api.commonService();
  try {
    const acl = await tcb.call({ Action: 'DescribeDatabaseACL', Param: { EnvId: envId, CollectionName: spec.name } });
    outcome.ruleBefore = String(acl?.AclTag ?? '');
    if (outcome.ruleBefore !== spec.security) {
      await tcb.call({ Action: 'ModifyDatabaseACL', Param: { EnvId: envId, CollectionName: spec.name, AclTag: spec.security } });
      outcome.ruleSet = true;
    }
  } catch (e) {
    outcome.ruleError = errorText(e);
  }
  return outcome;
};

/** Every collection of the list, one after another (the API throttles; there are only a few). */
export const setupCollections = async (api: ManagerApi, envId: string, specs: readonly CollectionSpec[]): Promise<CollectionOutcome[]> => {
  const outcomes: CollectionOutcome[] = [];
  for (const spec of specs) outcomes.push(await setupCollection(api, envId, spec));
  return outcomes;
};
