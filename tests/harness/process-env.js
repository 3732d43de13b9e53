/**
 * Puts `process.env` back as it was, in place: Strapi reads this very object (never assign
 * `process.env`). Plain JavaScript: the test environment (strapi-environment.js), which Node loads
 * without Jest's transform, restores it after each file with the same code the tests use.
 */
function restoreProcessEnv(saved) {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
}

module.exports = { restoreProcessEnv };
