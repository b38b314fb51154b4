/** Jest runs the TypeScript sources as ESM (the @actions packages are ESM-only). */
export default {
  // Node's, holding what code under test writes to stdout (::debug:: lines etc.); shown for a failed test, or with TEST_LOG=1.
  testEnvironment: '<rootDir>/test/harness/quiet-environment.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
  // Child processes and keep-alive sockets of a failed test must never hang CI.
  forceExit: true,
};
