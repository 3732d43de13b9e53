/**
 * What every inbox test file starts from: the fake networks, the built app booted on them with the
 * dispatcher off (a test publishes with `runOnce` when it wants to), a super admin's token, and an
 * admin request helper. Registers its own `beforeAll`/`afterAll`; the fields are set once booted.
 */
import { randomBytes } from 'node:crypto';

import { fakeApiBaseUrlsEnv, startFakes, type Fakes, type PublishedPost } from '../fakes';
import { bootStrapi, type TestApp } from './strapi';

export type InboxApp = {
  app: TestApp;
  fakes: Fakes;
  /** A super admin's JWT. */
  token: string;
  /** An admin API request, as the super admin unless another token is given. */
  admin(method: 'get' | 'post' | 'put' | 'delete', url: string, body?: object, as?: string): any;
  /** A fresh idempotency key for an answer. */
  answerKey(): string;
  /**
   * Sends the same answer (one idempotency key) to a collected comment twice at once, as a double
   * click or two instances would: both requests succeed and `onNetwork` (the answers on the network's
   * fake) holds it once. The answer's row, and what the network got.
   */
  answerTwiceAtOnce(
    documentId: string,
    body: { text: string; idempotencyKey: string },
    onNetwork: () => PublishedPost[]
  ): Promise<{ answer: any; published: PublishedPost }>;
};

export type InboxAppOptions = {
  /** Start the fake networks (true); a test of the admin API alone does without. */
  fakes?: boolean;
  /** Called on the fakes before the app boots (latency, failures). */
  configureFakes?: (fakes: Fakes) => void;
  env?: Record<string, string>;
};

export function useInboxApp(options: InboxAppOptions = {}): InboxApp {
  const inbox = {
    admin(method, url, body, as) {
      const http = inbox.app.http();
      const request = http[method](url).set('Authorization', `Bearer ${as ?? inbox.token}`);
      return body ? request.send(body) : request;
    },
    answerKey: () => `answer-${randomBytes(6).toString('hex')}`,
    async answerTwiceAtOnce(documentId, body, onNetwork) {
      const url = `/moderation/comments/${documentId}/reply`;
      const [first, second] = await Promise.all([
        inbox.admin('post', url, body),
        inbox.admin('post', url, body),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const published = onNetwork();
      expect(published).toHaveLength(1);
      // The request that lost the race answers while the other is still sending ("sending"): the
      // answer is the winner's, which settled before it answered.
      const answers = [first.body.data, second.body.data];
      return { answer: answers.find((a) => a?.status !== 'sending') ?? answers[0], published: published[0] };
    },
  } as InboxApp;

  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (options.fakes !== false) {
      inbox.fakes = await startFakes();
      options.configureFakes?.(inbox.fakes);
      env = fakeApiBaseUrlsEnv(inbox.fakes);
    }
    inbox.app = await bootStrapi({ env: { CROSS_POST_DISPATCHER: 'false', ...env, ...options.env } });
    inbox.token = await inbox.app.adminToken();
  });
  afterAll(async () => {
    await inbox.app?.stop();
    await inbox.fakes?.stop();
  });
  return inbox;
}
