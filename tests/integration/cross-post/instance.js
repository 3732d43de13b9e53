// A second Strapi instance for the multi-instance and crash tests: boots the same built app on the
// database named by the environment (DATABASE_*), runs its dispatcher, and prints "ready".
const path = require('node:path');

const appDir = path.resolve(__dirname, '..', '..', '..');
const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [appDir] }));

(async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  strapi.log.level = process.env.STRAPI_LOG_LEVEL || 'error';
  process.stdout.write('ready\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Strapi may have begun destroying on the same signal itself: a second destroy throws, and the
    // process is leaving anyway.
    await strapi.destroy().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
