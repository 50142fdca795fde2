/**
 * The seed of every property and fuzz test: fixed, so two runs of the same code give the same
 * result and a submission is never refused by chance; TEST_SEED explores another (scripts/test.ts
 * prints the one in use, and fast-check prints it with any counterexample).
 */
export const DEFAULT_TEST_SEED = 20261207;

export const testSeed = (env: NodeJS.ProcessEnv = process.env): number => {
  if (env.TEST_SEED === undefined || env.TEST_SEED === '') return DEFAULT_TEST_SEED;
  const seed = Number(env.TEST_SEED);
  if (!Number.isInteger(seed)) throw new Error(`TEST_SEED must be an integer, got "${env.TEST_SEED}"`);
  return seed;
};
