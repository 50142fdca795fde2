/**
 * The part of @cloudbase/manager-node that `db:setup` uses, typed after its declarations
 * (types/database/index.d.ts, types/interfaces/flexdb.interface.d.ts, types/common/index.d.ts).
 * A real `new CloudBase({...})` satisfies it as is; the tests pass a recorded fake.
 */

/** A field of an index as the API writes it: Direction is '1' or '-1' (a string). */
export interface MgoIndexKey {
  Name: string;
  Direction: string;
}

/** One index to create (UpdateTable's CreateIndexes). */
export interface CreateIndex {
  IndexName: string;
  MgoKeySchema: { MgoIndexKeys: MgoIndexKey[]; MgoIsUnique: boolean };
}

/** One index as DescribeTable reports it. */
export interface IndexInfo {
  Name: string;
  Size: number;
  Keys: Array<{ Name?: string; Direction?: string }>;
  Accesses: { Ops: number; Since: string };
  Unique: boolean;
}

export interface ManagerApi {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ RequestId: string; IsCreated: boolean; ExistsResult: { RequestId: string; Msg?: string; Exists: boolean } }>;
    describeCollection(name: string): Promise<{ RequestId: string; Indexes?: IndexInfo[]; IndexNum?: number }>;
    updateCollection(name: string, info: { CreateIndexes?: CreateIndex[] }): Promise<unknown>;
  };
  /**
   * Raw TCB API (tcb 2018-06-08). Used for the collection permission, which manager-node has no
   * method for: DescribeDatabaseACL / ModifyDatabaseACL (cloud.tencent.com/document/api/876/34819).
   */
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
