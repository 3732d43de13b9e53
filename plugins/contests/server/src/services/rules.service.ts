import type { Core } from '@strapi/strapi';

import type { ContestsConfig } from '../config';
import { generateRules, type RulesLocale } from '../domain/rules-document';
import { getService } from '../utils/get-service';
import type { Actor } from './audit.service';

const rulesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async generate(eventDocumentId: string, locale: RulesLocale, actor: Actor) {
    const contest = await getService(strapi, 'events').anyContest(eventDocumentId);
    const state = await getService(strapi, 'draw').findState(eventDocumentId);
    const publicUrl = strapi.plugin('contests').config('publicUrl') as ContestsConfig['publicUrl'];
    const markdown = generateRules(
      {
        eventTitle: contest.title,
        eventDocumentId,
        settings: contest.settings,
        commitment: state?.commitment ?? null,
        timeZone: contest.timeZone,
        publicStateUrl: publicUrl
          ? `${publicUrl.replace(/\/$/, '')}/api/contests/${eventDocumentId}`
          : undefined,
      },
      locale
    );
    await getService(strapi, 'audit').record({
      eventDocumentId,
      action: 'rules_generated',
      actor,
      details: { locale },
    });
    return markdown;
  },
});

export default rulesService;
