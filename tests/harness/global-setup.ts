import { ensureTemplate } from './database-template';

/**
 * Once per Jest run of the integration tests: the template database each file's database is copied
 * from (tests/harness/database-template.ts). `PORTE_VOIX_TEST_DB_TEMPLATE=off` boots every file on an
 * empty database instead, as before.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.PORTE_VOIX_TEST_DB_TEMPLATE === 'off') {
    delete process.env.PORTE_VOIX_TEST_DB_TEMPLATE;
    return;
  }
  const started = Date.now();
  const template = await ensureTemplate();
  if (template === undefined) return;
  process.env.PORTE_VOIX_TEST_DB_TEMPLATE = template;
  console.log(`\nTemplate database ${template} (${Date.now() - started} ms)`);
}
