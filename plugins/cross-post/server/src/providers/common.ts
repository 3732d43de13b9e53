/** What every provider shares: transport-error verdicts, header parsing, length checks. */
import axios, { type AxiosError } from 'axios';

import {
  ProviderError,
  type ErrorVerdict,
  type OutgoingImage,
  type OutgoingPost,
  type Problem,
  type Validation,
} from './types';

// No response at all: was the request on the wire? Refused connections and DNS failures never
// reached the network; a reset or timeout after sending might have.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function transportVerdict(error: unknown): ErrorVerdict | null {
  if (!axios.isAxiosError(error)) {
    if (error instanceof ProviderError) {
      const wait = error.verdict === 'retry' ? error.wait : {};
      return { action: error.verdict, reason: error.message, ...wait } as ErrorVerdict;
    }
    return null;
  }
  if (error.response) return null;
  const code = error.code ?? '';
  if (NOT_SENT_CODES.has(code)) {
    return { action: 'retry', reason: `The network could not be reached (${code}).` };
  }
  return {
    action: 'unknown',
    reason: `The connection ended before the network answered (${code || error.message}); the post may or may not be online.`,
  };
}

export function headerValue(error: AxiosError | any, name: string): string | undefined {
  const headers = error?.response?.headers ?? {};
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name.toLowerCase()];
  return value === undefined || value === null ? undefined : String(value);
}

/** A wait given as a moment: epoch seconds (X, Bluesky, Discord). */
export function waitUntilEpochSeconds(value: string | undefined, now = Date.now()): number | undefined {
  const seconds = Number(value);
  if (!value || !Number.isFinite(seconds)) return undefined;
  return Math.max(0, Math.ceil(seconds * 1000 - now));
}

/** A wait given as a duration in seconds (Retry-After, Telegram, Discord bodies). */
export function waitSeconds(value: string | number | undefined | null): number | undefined {
  const seconds = Number(value);
  if (value === undefined || value === null || value === '' || !Number.isFinite(seconds)) return undefined;
  return Math.max(0, Math.ceil(seconds * 1000));
}

/** A wait given as an ISO-8601 moment (Mastodon). */
export function waitUntilIso(value: string | undefined, now = Date.now()): number | undefined {
  const at = value ? Date.parse(value) : NaN;
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** The quota from a successful answer's headers, when the network sends them. */
export function quotaFrom(
  headers: Record<string, any>,
  remainingHeader: string,
  resetAt: (value: string) => number | undefined,
  resetHeader: string
): { remaining: number; resetAt: Date } | undefined {
  const get = (name: string) => {
    const value = typeof headers?.get === 'function' ? headers.get(name) : headers?.[name.toLowerCase()];
    return value === undefined || value === null ? undefined : String(value);
  };
  const remaining = Number(get(remainingHeader));
  const reset = get(resetHeader);
  const at = reset === undefined ? undefined : resetAt(reset);
  if (!Number.isFinite(remaining) || get(remainingHeader) === undefined || at === undefined) return undefined;
  return { remaining, resetAt: new Date(at) };
}

export function httpStatus(error: unknown): number | undefined {
  return axios.isAxiosError(error) ? error.response?.status : undefined;
}

export function responseBody(error: unknown): any {
  return axios.isAxiosError(error) ? (error.response?.data ?? {}) : {};
}

/** 5xx and the network's "try later" answers: retry with the dispatcher's backoff. */
export function serverErrorVerdict(status: number, networkName: string): ErrorVerdict | null {
  if (status >= 500) {
    return { action: 'retry', reason: `${networkName} answered ${status}; it will be tried again.` };
  }
  return null;
}

export function lengthValidation(
  length: number,
  limit: number,
  networkName: string,
  unit = 'characters'
): Validation {
  const problems: Problem[] = [];
  if (length > limit) {
    problems.push({
      code: 'too_long',
      message: `${networkName} allows ${limit} ${unit}; this text has ${length}. Shorten it or write a ${networkName} variant.`,
    });
  }
  return { length, limit, problems };
}

export function imageCountProblem(post: OutgoingPost, max: number, networkName: string): Problem[] {
  return post.images.length > max
    ? [
        {
          code: 'too_many_images',
          message: `${networkName} takes at most ${max} image${max > 1 ? 's' : ''}; this post has ${post.images.length}.`,
        },
      ]
    : [];
}

export function emptyTextProblem(post: OutgoingPost, networkName: string): Problem[] {
  return post.text.trim() === '' && post.images.length === 0
    ? [{ code: 'empty', message: `${networkName} needs a text or an image.` }]
    : [];
}

export function requireCredentials(credentials: Record<string, string | undefined>, names: string[]): void {
  const missing = names.filter((n) => !credentials[n]);
  if (missing.length > 0) {
    throw new ProviderError(
      `The account is missing ${missing.join(', ')}: edit it in the cross-post settings.`
    );
  }
}

/** The post's images and videos in its order (`OutgoingPost.media`), or its images when it carries no other. */
export const postMedia = (post: OutgoingPost): OutgoingImage[] => post.media ?? post.images;

export function imageBlob(data: Buffer, mimeType: string): Blob {
  return new Blob([new Uint8Array(data)], { type: mimeType });
}
