// Boots the built app in a process of its own, as `strapi start` (autoReload false) or `strapi develop`
// (autoReload true) would, with exactly the environment it was given; prints one `RESULT {json}` line.
const path = require('node:path');

const appDir = path.resolve(__dirname, '..', '..');
const autoReload = process.argv[2] === 'develop';

async function main() {
  const { createStrapi } = require('@strapi/strapi');
  let strapi;
  try {
    strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload }).load();
  } catch (error) {
    console.log(`RESULT ${JSON.stringify({ started: false, error: error.message })}`);
    process.exit(1);
  }
  const result = {
    started: true,
    admins: await strapi.db.query('admin::user').count({}),
    posts: await strapi.documents('api::post.post').count({}),
  };
  await strapi.destroy();
  console.log(`RESULT ${JSON.stringify(result)}`);
  process.exit(0);
}

main();
