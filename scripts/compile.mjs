#!/usr/bin/env node
// Compiles the app's server code and config into dist/ (what tests boot), without the admin bundle.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { compileStrapi } = require('@strapi/strapi');

const started = Date.now();
await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
console.log(`App compiled to dist/ in ${Date.now() - started} ms`);
