/**
 * Raises listening alerts: after each round, every enabled search's last two hours are weighed
 * against the same hours of the previous week (domain/listening/alerts.ts). An episode above its
 * baseline opens one alert, shown in the admin and e-mailed once to everyone who may manage
 * listening, each in their admin language; it ends when the level falls back under.
 */
import type { Core } from '@strapi/strapi';

import { assess } from '../../domain/listening/alerts';
import { ACTIONS } from '../../permissions';
import { listeningAlertsRepository, type AlertKind } from '../../repositories/listening-alerts.repository';
import { hourOf, listeningHoursRepository } from '../../repositories/listening-hours.repository';
import { savedSearchesRepository } from '../../repositories/saved-searches.repository';

const SUPER_ADMIN = 'strapi-super-admin';

const MESSAGES = {
  en: {
    volume: (name: string, level: string, threshold: string) => ({
      subject: `[Listening] Spike in mentions: ${name}`,
      text: `${level} mentions for "${name}" in the last two hours, above the usual ${threshold} for these hours over the past week.\n\nSee them under Moderation → Listening.`,
    }),
    negative: (name: string, level: string, threshold: string) => ({
      subject: `[Listening] More negative mentions: ${name}`,
      text: `${level} of the mentions for "${name}" in the last two hours are negative, above the usual ${threshold} for these hours over the past week.\n\nSee them under Moderation → Listening.`,
    }),
  },
  fr: {
    volume: (name: string, level: string, threshold: string) => ({
      subject: `[Écoute] Pic de mentions : ${name}`,
      text: `${level} mentions pour « ${name} » ces deux dernières heures, au-dessus des ${threshold} habituelles à ces heures sur la semaine passée.\n\nÀ voir dans Modération → Écoute.`,
    }),
    negative: (name: string, level: string, threshold: string) => ({
      subject: `[Écoute] Plus de mentions négatives : ${name}`,
      text: `${level} des mentions pour « ${name} » ces deux dernières heures sont négatives, au-dessus des ${threshold} habituels à ces heures sur la semaine passée.\n\nÀ voir dans Modération → Écoute.`,
    }),
  },
} as const;

const percent = (share: number, language: 'fr' | 'en') =>
  language === 'fr' ? `${Math.round(share * 100)} %` : `${Math.round(share * 100)}%`;

/** Active admins who may manage listening (the action, or super admin), with an e-mail. */
async function recipients(
  strapi: Core.Strapi
): Promise<{ email: string; preferedLanguage?: string | null }[]> {
  const permissions = await strapi.db
    .query('admin::permission')
    .findMany({ where: { action: ACTIONS.listening }, populate: ['role'] });
  const roleIds = new Set<number>(permissions.map((p: any) => p.role?.id).filter(Boolean));
  const superAdmin = await strapi.db.query('admin::role').findOne({ where: { code: SUPER_ADMIN } });
  if (superAdmin) roleIds.add(superAdmin.id);
  const users = await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { id: { $in: [...roleIds] } } },
  });
  return (users as any[]).filter((u) => u.email);
}

async function announce(
  strapi: Core.Strapi,
  kind: AlertKind,
  searchName: string,
  level: number,
  threshold: number
) {
  if (!strapi.plugin('email')) return;
  for (const user of await recipients(strapi)) {
    const language = String(user.preferedLanguage ?? '').startsWith('fr') ? 'fr' : 'en';
    const format = (n: number) => (kind === 'negative' ? percent(n, language) : String(Math.round(n)));
    const message = MESSAGES[language][kind](searchName, format(level), format(threshold));
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: user.email, ...message });
    } catch (error: any) {
      strapi.log.warn(`[moderation] listening alert not e-mailed to an admin: ${error?.message ?? error}`);
    }
  }
}

/** Weighs every enabled search now; answers the alerts it opened. */
export async function checkAlerts(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const searches = (await savedSearchesRepository(strapi).list()).filter((s) => s.enabled);
  const alerts = listeningAlertsRepository(strapi);
  const open = await alerts.openOnes();
  const since = new Date(now.getTime() - 8 * 86_400_000);
  const rows = await listeningHoursRepository(strapi).between(
    searches.map((s) => s.id),
    hourOf(since),
    hourOf(new Date(now.getTime() + 3_600_000))
  );
  let opened = 0;
  for (const search of searches) {
    const assessment = assess(
      rows.filter((row) => row.searchId === search.id),
      now
    );
    for (const kind of ['volume', 'negative'] as const) {
      const { above, level, threshold } = assessment[kind];
      const episode = open.find((a) => Number(a.searchId) === search.id && a.kind === kind);
      if (above && !episode) {
        const raised = await alerts.open({
          searchId: search.id,
          searchName: search.name,
          kind,
          startedAt: now,
          level: level ?? 0,
          threshold,
        });
        if (raised) {
          opened++;
          strapi.log.info(
            `[moderation] listening: ${kind} alert for "${search.name}" (${level} ≥ ${threshold})`
          );
          await announce(strapi, kind, search.name, level ?? 0, threshold);
        }
      } else if (!above && episode) {
        await alerts.close(episode.id, now);
      }
    }
  }
  // Searches deleted or paused end their episodes.
  for (const episode of open.filter((a) => !searches.some((s) => s.id === Number(a.searchId))))
    await alerts.close(episode.id, now);
  return opened;
}
