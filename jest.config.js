/** Unit tests run in parallel; integration tests boot a real Strapi each and run one file at a time. */
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
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
      setupFilesAfterEnv: ['<rootDir>/tests/harness/jest-setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
      setupFilesAfterEnv: ['<rootDir>/tests/harness/jest-setup.ts'],
    },
  ],
};
