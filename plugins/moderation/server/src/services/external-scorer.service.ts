import type { Core } from '@strapi/strapi';
import { z } from 'zod';

import type { Finding } from '../rules/types';
import type { ModerationSettings } from '../config/schema';
import { redactUrl } from '../utils/secrets';

const scoreSchema = z
  .object({ score: z.number().min(0).max(1), labels: z.array(z.string()).optional() })
  .passthrough();

/**
 * The optional external scorer (a toxicity or spam service of your own): POST
 * `{ content, locale, authorKey }`, answer `{ score: 0..1, labels? }`. It never blocks a comment:
 * a timeout, an error or an answer of the wrong shape holds the comment for a human instead.
 */
const externalScorerService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async score(
    input: { content: string; locale?: string; authorKey: string },
    settings: ModerationSettings['externalScorer']
  ): Promise<Finding | null> {
    try {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const parsed = scoreSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('answered without a score between 0 and 1');
      const { score, labels = [] } = parsed.data;
      const params = { score: score.toFixed(2), labelCount: labels.length, labels: labels.join(', ') };
      if (score >= settings.rejectAbove)
        return { rule: 'externalScorer', outcome: 'reject', code: 'scorer', params, data: { score, labels } };
      if (score >= settings.holdAbove)
        return { rule: 'externalScorer', outcome: 'hold', code: 'scorer', params, data: { score, labels } };
      return null;
    } catch (error: any) {
      const reason =
        error?.name === 'TimeoutError'
          ? `no answer within ${settings.timeoutMs} ms`
          : (error?.message ?? String(error));
      strapi.log.warn(`[moderation] external scorer unavailable: ${redactUrl(reason, settings.url)}`);
      return {
        rule: 'externalScorer',
        outcome: 'hold',
        code: 'scorer_unavailable',
        params: { error: redactUrl(reason, settings.url) },
      };
    }
  },
});

export default externalScorerService;
