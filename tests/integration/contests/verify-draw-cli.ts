import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '..', '..', '..', 'scripts', 'verify-draw.mjs');

export type VerifyOutcome = { code: number; output: string };

/** Runs `scripts/verify-draw.mjs` as a user would: on a URL, or on a state object (via a file). */
export function verifyDrawCli(source: string | object, extraArgs: string[] = []): Promise<VerifyOutcome> {
  let argument: string;
  if (typeof source === 'string') {
    argument = source;
  } else {
    argument = path.join(mkdtempSync(path.join(tmpdir(), 'verify-draw-')), 'state.json');
    writeFileSync(argument, JSON.stringify(source));
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, argument, ...extraArgs], (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as any).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
