// Every fast-check run of a test file starts from the run's seed (test-seed.ts).
import fc from 'fast-check';
import { testSeed } from './test-seed';

fc.configureGlobal({ seed: testSeed() });
