/**
 * For tests that reach a stack in another process with node-sdk from the test process: node-sdk
 * needs credentials (any value) and skips its cloud metadata probe with TENCENTCLOUD. Requests
 * cut off by a kill never settle its 3 s "slow request" timer; SILENCE=true (tcbapirequester.ts)
 * keeps it from being armed, so nothing logs after the test ends. Set for the file, then restored.
 */
const ENV = {
  TENCENTCLOUD_SECRETID: 'local-dev-secret-id',
  TENCENTCLOUD_SECRETKEY: 'local-dev-secret-key',
  TENCENTCLOUD: 'true',
  SILENCE: 'true',
};

export const useLocalSdkEnv = (): void => {
  const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
  beforeAll(() => {
    Object.assign(process.env, ENV);
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
};
