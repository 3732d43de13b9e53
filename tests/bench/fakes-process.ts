/**
 * The fake networks in a child process, for benchmarks: their HTTP servers no longer share the app's
 * thread, so the app's CPU per delivery and its throughput are its own (real networks run elsewhere).
 * Controlled over IPC: configure a network, read what it holds, read the child's CPU time.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { FakeOptions } from '../fakes/base';

export type FakeStats = { published: number; duplicates: number; rateLimited: number };

export type RemoteFake = {
  network: string;
  baseUrl: string;
  configure(options: Partial<FakeOptions>): Promise<void>;
  stats(): Promise<FakeStats>;
};

export type RemoteFakes = Record<string, RemoteFake> & {
  /** The child's CPU time so far, in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
};

export async function startFakesProcess(): Promise<RemoteFakes> {
  const child = fork(path.join(__dirname, 'fakes-child.cjs'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const baseUrls = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fakes' process stopped (exit code ${code})`)));
    child.on('message', (message: any) => {
      if (message.ready) return resolve(message.ready);
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(message.error));
      else call?.resolve(message.result);
    });
  });
  const call = (op: string, args: Record<string, unknown> = {}): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, op, ...args });
    });

  const fakes: Record<string, RemoteFake> = {};
  for (const [network, baseUrl] of Object.entries(baseUrls))
    fakes[network] = {
      network,
      baseUrl,
      configure: (options) => call('configure', { network, options }),
      stats: () => call('stats', { network }),
    };
  return Object.assign(fakes, {
    cpuMs: () => call('cpu'),
    async stop() {
      await call('stop').catch(() => undefined);
      child.removeAllListeners('exit');
      child.kill();
    },
  }) as RemoteFakes;
}
