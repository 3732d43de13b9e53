/** Unit tests run in parallel; integration and browser tests boot a real Strapi a file. */
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/src/**/__tests__/**/*.test.ts',
        '<rootDir>/plugins/*/server/src/**/__tests__/**/*.test.ts',
        '<rootDir>/plugins/*/admin/src/**/__tests__/**/*.test.ts',
        '<rootDir>/packages/*/**/__tests__/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
    },
    {
      displayName: 'integration',
      // Strapi is evaluated once per Jest process, not once per file (the environment says how files stay apart).
      testEnvironment: '<rootDir>/tests/harness/strapi-environment.js',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
      // Each file's database is a copy of one the app booted on once (tests/harness/database-template.ts).
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/harness/jest-setup.ts'],
    },
    {
      displayName: 'e2e',
      // The browser tests boot the same app as the integration tests, the same way.
      testEnvironment: '<rootDir>/tests/harness/strapi-environment.js',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/harness/jest-setup.ts'],
    },
  ],
};
