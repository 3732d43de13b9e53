#!/usr/bin/env node
import { existsSync } from 'node:fs';

if (!existsSync('dist/build/index.html')) {
  console.error(
    'No production build found: run `npm run build` first (it builds the plugins, the app and the admin).'
  );
  process.exit(1);
}
