// Property and fuzz tests are the same run every time: the seed is fixed for the run.
import fc from 'fast-check';
import { DEFAULT_TEST_SEED, testSeed } from '../test-seed';

test('fast-check runs on the run seed, the fixed default unless TEST_SEED says otherwise', () => {
  expect(fc.readConfigureGlobal().seed).toBe(testSeed());
  expect(testSeed({})).toBe(DEFAULT_TEST_SEED);
  expect(testSeed({ TEST_SEED: '42' })).toBe(42);
  expect(() => testSeed({ TEST_SEED: 'abc' })).toThrow('TEST_SEED must be an integer');
});

test('the same arbitrary gives the same values run after run', () => {
  const sample = () => fc.sample(fc.array(fc.integer(), { minLength: 5, maxLength: 5 }), 3);
  expect(sample()).toEqual(sample());
});
