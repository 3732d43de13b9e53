/**
 * The e-mail digest, in the recipient's admin language (French unless their preferred language is
 * English): what accrued since their last digest, grouped as they act on it. Pure: the digest
 * service gives it the notifications and the links.
 */
export type Language = 'fr' | 'en';

export const languageOf = (preferred: unknown): Language =>
  typeof preferred === 'string' && preferred.toLowerCase().startsWith('en') ? 'en' : 'fr';

/** The period a moment falls in, as a stable key (its start, ISO): every instance computes the same one. */
export function periodOf(at: Date, intervalMinutes: number): string {
  const ms = intervalMinutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms).toISOString();
}

export type DigestKind = 'submitted' | 'voided' | 'approved' | 'changes_requested';

export type DigestItem = {
  kind: DigestKind;
  title: string;
  locale: string;
  who: string | null;
  comment: string | null;
  url: string;
};

/** In the order a person acts on them: what waits for them first. */
const ORDER: DigestKind[] = ['submitted', 'voided', 'changes_requested', 'approved'];

const TEXTS: Record<
  Language,
  {
    prefix: string;
    count: Record<DigestKind, (n: number) => string>;
    heading: Record<DigestKind, string>;
    line: (item: DigestItem) => string;
    by: (who: string) => string;
    intro: string;
    footer: (url: string) => string;
  }
> = {
  en: {
    prefix: '[Approval]',
    count: {
      submitted: (n) => `${n} waiting for your approval`,
      voided: (n) => `${n} changed after approval`,
      changes_requested: (n) => `${n} sent back to you`,
      approved: (n) => `${n} approved`,
    },
    heading: {
      submitted: 'Waiting for your approval',
      voided:
        'Changed after approval: the approval is void, scheduled deliveries are paused until approved again',
      changes_requested: 'Sent back to you for changes',
      approved: 'Approved: they can be scheduled',
    },
    line: (item) => `- "${item.title}" (${item.locale})`,
    by: (who) => ` by ${who}`,
    intro: 'Here is what happened in editorial approval since your last e-mail.',
    footer: (url) => `Your notifications in the admin: ${url}`,
  },
  fr: {
    prefix: '[Validation]',
    count: {
      submitted: (n) => `${n} à valider`,
      voided: (n) => `${n} modifié${n > 1 ? 's' : ''} après validation`,
      changes_requested: (n) => `${n} renvoyé${n > 1 ? 's' : ''} pour modifications`,
      approved: (n) => `${n} validé${n > 1 ? 's' : ''}`,
    },
    heading: {
      submitted: 'En attente de votre validation',
      voided:
        'Modifiés après validation : la validation est annulée, les envois programmés sont suspendus jusqu’à une nouvelle validation',
      changes_requested: 'Renvoyés pour modifications',
      approved: 'Validés : ils peuvent être programmés',
    },
    line: (item) => `- « ${item.title} » (${item.locale})`,
    by: (who) => ` par ${who}`,
    intro: 'Voici ce qui s’est passé dans la validation éditoriale depuis votre dernier e-mail.',
    footer: (url) => `Vos notifications dans l’administration : ${url}`,
  },
};

/** One e-mail for everything that accrued: a subject that counts each kind, a body that lists them. */
export function digestMessage(
  language: Language,
  items: DigestItem[],
  notificationsUrl: string
): { subject: string; text: string } {
  const texts = TEXTS[language];
  const groups = ORDER.map((kind) => ({ kind, items: items.filter((item) => item.kind === kind) })).filter(
    (group) => group.items.length > 0
  );
  const subject = `${texts.prefix} ${groups.map((g) => texts.count[g.kind](g.items.length)).join(', ')}`;
  const sections = groups.map((group) =>
    [
      `${texts.heading[group.kind]}:`,
      ...group.items.map((item) =>
        [
          `${texts.line(item)}${item.who ? texts.by(item.who) : ''}`,
          ...(item.comment ? [`  « ${item.comment} »`] : []),
          `  ${item.url}`,
        ].join('\n')
      ),
    ].join('\n')
  );
  return { subject, text: [texts.intro, ...sections, texts.footer(notificationsUrl)].join('\n\n') };
}
