/**
 * One jest run covers unit specs beside the code (src/**.spec.ts) and the
 * e2e specs in test/. swc keeps the transform fast; `npm run typecheck`
 * is where types are checked.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
};
