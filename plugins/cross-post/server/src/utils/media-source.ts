/**
 * Media read in ranges rather than whole: a video of hundreds of megabytes is uploaded chunk by chunk
 * (YouTube's resumable upload) with one chunk in memory at a time. A file of the local upload provider
 * is read where it lies; a remote one (a cloud upload provider) is first streamed to a temporary file.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import axios from 'axios';

import type { MediaSource } from '../providers/types';

/** A file on disk read in ranges; `cleanup` runs on close (a temporary copy removed). */
export async function fileSource(file: string, cleanup?: () => Promise<void>): Promise<MediaSource> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  // One buffer for every read (a read's bytes are valid until the next): memory stays one chunk.
  let scratch = Buffer.alloc(0);
  return {
    size,
    async read(start, end) {
      const length = Math.max(0, Math.min(end, size) - start);
      if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
      const buffer = scratch.subarray(0, length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, start + done);
        if (bytesRead === 0)
          throw new Error(`${path.basename(file)} ended at ${start + done} of ${size} bytes.`);
        done += bytesRead;
      }
      return buffer;
    },
    async close() {
      await handle.close();
      await cleanup?.();
    },
  };
}

/** A remote file streamed to a temporary file (never whole in memory), then read in ranges. */
export async function downloadedSource(url: string, timeoutMs = 10 * 60_000): Promise<MediaSource> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cross-post-media-'));
  const file = path.join(dir, 'media');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const response = await axios.get(url, { responseType: 'stream', timeout: timeoutMs });
    await pipeline(response.data, createWriteStream(file));
    return await fileSource(file, cleanup);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Bytes already in memory, as a source (a medium that can only be loaded whole). */
export function bufferSource(data: Buffer): MediaSource {
  return {
    size: data.length,
    read: async (start, end) => data.subarray(start, Math.min(end, data.length)),
    close: async () => undefined,
  };
}
