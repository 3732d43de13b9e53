#!/usr/bin/env node
// `npm run bench:crosspost`: builds nothing; boots the built app (run `npm run build:plugins && npm run compile` first).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./fakes-ts-register.cjs');
require('../tests/bench/crosspost.bench.ts');
