#!/usr/bin/env node
// `npm run bench:youtube-upload`: memory of a YouTube upload streamed from its file vs loaded whole.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('./fakes-ts-register.cjs');
require('../tests/bench/youtube-upload.bench.ts');
