/**
 * What an author is told when a comment is held or rejected, in the comment's language: enough to
 * act on (rephrase, remove the link, wait), never the word lists themselves.
 */
type Locale = 'fr' | 'en';

const MESSAGES: Record<string, Record<Locale, string>> = {
  pending: {
    fr: 'Merci ! Votre commentaire sera publié après relecture par un modérateur.',
    en: 'Thank you! Your comment will appear once a moderator has read it.',
  },
  approved: { fr: 'Merci ! Votre commentaire est publié.', en: 'Thank you! Your comment is published.' },
  banned_word: {
    fr: 'Votre commentaire contient des mots qui ne sont pas acceptés ici (insultes, propos haineux ou menaces). Reformulez-le et envoyez-le à nouveau.',
    en: 'Your comment contains words that are not accepted here (insults, hate or threats). Please rephrase it and send it again.',
  },
  link: {
    fr: "Les liens vers d'autres sites ne sont pas acceptés ici : retirez le lien et envoyez votre commentaire à nouveau.",
    en: 'Links to other sites are not accepted here: remove the link and send your comment again.',
  },
  author_banned: {
    fr: 'Vous ne pouvez plus commenter ici.',
    en: 'You can no longer comment here.',
  },
  author_suspended: {
    fr: 'Vous ne pouvez pas commenter avant le {until}.',
    en: 'You cannot comment until {until}.',
  },
  scorer: {
    fr: 'Notre filtre automatique a jugé ce commentaire abusif. Reformulez-le et envoyez-le à nouveau.',
    en: 'Our automatic filter judged this comment abusive. Please rephrase it and send it again.',
  },
  rejected: {
    fr: "Votre commentaire n'a pas été accepté.",
    en: 'Your comment was not accepted.',
  },
};

export function authorMessage(
  code: string,
  locale: string | undefined,
  values: Record<string, string> = {}
): string {
  const lang: Locale = locale === 'en' ? 'en' : 'fr';
  const template = (MESSAGES[code] ?? MESSAGES.rejected)[lang];
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
}
