#!/usr/bin/env node
// `npm run fakes`: every fake social network on its default port, until Ctrl-C.
// The development demo accounts (CROSS_POST_DEMO_ACCOUNTS=true) point at these ports.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./fakes-ts-register.cjs');
const { startFakes } = require('../tests/fakes/index.ts');

const fakes = await startFakes({ ports: 'default' });
for (const fake of fakes.all)
  console.log(`${fake.network.padEnd(9)} ${fake.baseUrl}   (GET ${fake.baseUrl}/__fake/published)`);
console.log('Fake networks are up. Ctrl-C to stop.');

const stop = async () => {
  await fakes.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
