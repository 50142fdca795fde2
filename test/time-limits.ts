import { functionTimeoutMs } from '@/server/triggers';

/**
 * The limit test stacks cut a call at: three times the deployed one. They run the functions
 * in-process, beside other test files and a browser on two cores, where a call can take seconds
 * that it would not take alone; a behaviour test must not fail by the machine's load. The cut
 * itself is tested at its real limit (test/local/function-time-limit.test.ts), and the simulated
 * month measures overruns under the production profile.
 */
export const TEST_TIME_LIMIT_MS = (name: string): number => functionTimeoutMs(name) * 3;
