import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type ChildBoot = {
  code: number | null;
  /** Everything the process printed, logs included. */
  output: string;
  result: { started: boolean; error?: string; admins?: number; posts?: number };
};

/** Variables of this process a child must not inherit: it gets only what the test gives it. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG'];

/**
 * Boots the built app in a child process (environment variables are global, and Strapi sets NODE_ENV when it
 * is unset), as `strapi start` or `strapi develop` would.
 */
export function bootInChild(mode: 'start' | 'develop', env: Record<string, string>): Promise<ChildBoot> {
  const base = Object.fromEntries(
    INHERITED.filter((name) => process.env[name]).map((name) => [name, process.env[name]!])
  );
  const child = spawn(process.execPath, [path.join(__dirname, 'boot-child.cjs'), mode], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: {
      ...base,
      HOST: '127.0.0.1',
      PORT: '0',
      BROWSER: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      STRAPI_LOG_LEVEL: 'info',
      // Strapi reads `.env` from the app folder; a child sees only what the test gives it.
      ENV_PATH: path.join(os.tmpdir(), 'porte-voix-no-such-env-file'),
      EMAIL_OUTBOX_DIR: mkdtempSync(path.join(os.tmpdir(), 'porte-voix-outbox-')),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.split('\n').find((text) => text.startsWith('RESULT '));
      resolve({ code, output, result: line ? JSON.parse(line.slice('RESULT '.length)) : { started: false } });
    });
  });
}
