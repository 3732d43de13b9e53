/**
 * YouTube's resumable upload, memory per mode: a video of BENCH_MB megabytes (64) uploaded to the
 * fake YouTube (in a process of its own, so its copy of the bytes is not ours) streamed from its file
 * one chunk at a time, then loaded whole as before, for comparison. Prints the peak growth of this
 * process's memory (RSS, and the Buffers outside the heap) over what it used before the upload.
 * A figure, not a test: `npm run bench:youtube-upload`.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { providers, type OutgoingImage } from '../../plugins/cross-post/server/src/providers';
import { providerContext } from '../../plugins/cross-post/server/src/providers/http';
import { fileSource } from '../../plugins/cross-post/server/src/utils/media-source';
import { startFakesProcess } from './fakes-process';

const MB = 1024 * 1024;
const sizeMb = Number(process.env.BENCH_MB ?? 64);

const gc = () => (global as any).gc?.();
const memory = () => {
  const usage = process.memoryUsage();
  return { rss: usage.rss, buffers: usage.arrayBuffers + usage.external };
};

async function measure(label: string, video: OutgoingImage, baseUrl: string) {
  gc();
  const before = memory();
  let peak = { ...before };
  const sampler = setInterval(() => {
    const now = memory();
    peak = { rss: Math.max(peak.rss, now.rss), buffers: Math.max(peak.buffers, now.buffers) };
  }, 5);
  const started = Date.now();
  const ctx = providerContext(
    {
      id: 1,
      network: 'youtube',
      baseUrl,
      credentials: { accessToken: `bench-${randomBytes(4).toString('hex')}` },
    },
    120_000
  );
  await providers.youtube.publish(
    { title: `Bench ${label}`, text: `Bench ${label}`, images: [video], createdAt: new Date() },
    `bench-${label}`,
    ctx
  );
  clearInterval(sampler);
  const now = memory();
  peak = { rss: Math.max(peak.rss, now.rss), buffers: Math.max(peak.buffers, now.buffers) };
  console.log(
    `${label.padEnd(8)} ${String(sizeMb).padStart(5)} MB   peak RSS +${((peak.rss - before.rss) / MB).toFixed(1).padStart(6)} MB   peak Buffers +${((peak.buffers - before.buffers) / MB).toFixed(1).padStart(6)} MB   ${Date.now() - started} ms`
  );
}

/** Each mode in a process of its own, so that one's garbage is not the other's baseline. */
async function main() {
  const mode = process.argv[2];
  if (!mode) {
    const { fork } = await import('node:child_process');
    console.log(`YouTube upload of ${sizeMb} MB, chunks of 8 MiB, fake YouTube in its own process`);
    for (const each of ['stream', 'whole']) {
      await new Promise<void>((resolve, reject) => {
        const child = fork(process.argv[1], [each], { execArgv: process.execArgv, stdio: 'inherit' });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${each}: exit ${code}`))));
      });
    }
    return;
  }
  if (!(global as any).gc) console.log('(run with node --expose-gc for steadier figures)');
  const fakes = await startFakesProcess();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-youtube-'));
  const file = path.join(dir, 'video.mp4');
  try {
    // Written in pieces: the bench itself never holds the whole file.
    await writeFile(file, '');
    for (let written = 0; written < sizeMb; written++) await appendFile(file, randomBytes(MB));
    const base = { filename: 'video.mp4', mimeType: 'video/mp4', alt: '', size: sizeMb * MB };
    const video: OutgoingImage =
      mode === 'stream'
        ? { ...base, load: () => readFile(file), open: () => fileSource(file) }
        : { ...base, load: () => readFile(file) };
    await measure(mode, video, fakes.youtube.baseUrl);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await fakes.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
