/** What the e-mails say, in the recipient's admin language (French or English). */
export type Language = 'fr' | 'en';

export const languageOf = (preferred: unknown): Language =>
  typeof preferred === 'string' && preferred.toLowerCase().startsWith('en') ? 'en' : 'fr';

type Message = { subject: string; text: string };
type Values = { title: string; locale: string; who: string; comment?: string; url: string };

const MESSAGES: Record<string, Record<Language, (v: Values) => Message>> = {
  submitted: {
    en: (v) => ({
      subject: `[Approval] "${v.title}" (${v.locale}) waits for your approval`,
      text: `${v.who} submitted "${v.title}" (${v.locale}) for review.\n\nReview it: ${v.url}`,
    }),
    fr: (v) => ({
      subject: `[Validation] « ${v.title} » (${v.locale}) attend votre validation`,
      text: `${v.who} a soumis « ${v.title} » (${v.locale}) à relecture.\n\nLa relire : ${v.url}`,
    }),
  },
  voided: {
    en: (v) => ({
      subject: `[Approval] "${v.title}" (${v.locale}) changed after approval`,
      text: `${v.who} changed "${v.title}" (${v.locale}) after it was approved: the approval is void and its scheduled deliveries are paused until it is approved again.\n\nReview it: ${v.url}`,
    }),
    fr: (v) => ({
      subject: `[Validation] « ${v.title} » (${v.locale}) modifié après validation`,
      text: `${v.who} a modifié « ${v.title} » (${v.locale}) après sa validation : la validation est annulée et ses envois programmés sont suspendus jusqu'à une nouvelle validation.\n\nLe relire : ${v.url}`,
    }),
  },
  approved: {
    en: (v) => ({
      subject: `[Approval] "${v.title}" (${v.locale}) is approved`,
      text: `${v.who} approved "${v.title}" (${v.locale}). It can be scheduled.\n\n${v.url}`,
    }),
    fr: (v) => ({
      subject: `[Validation] « ${v.title} » (${v.locale}) est validé`,
      text: `${v.who} a validé « ${v.title} » (${v.locale}). Il peut être programmé.\n\n${v.url}`,
    }),
  },
  changes_requested: {
    en: (v) => ({
      subject: `[Approval] "${v.title}" (${v.locale}) was sent back to you`,
      text: `${v.who} asks for changes to "${v.title}" (${v.locale}):\n\n${v.comment}\n\nEdit it: ${v.url}`,
    }),
    fr: (v) => ({
      subject: `[Validation] « ${v.title} » (${v.locale}) vous est renvoyé`,
      text: `${v.who} demande des modifications sur « ${v.title} » (${v.locale}) :\n\n${v.comment}\n\nLe modifier : ${v.url}`,
    }),
  },
};

export type MessageKind = keyof typeof MESSAGES;

export const message = (kind: MessageKind, language: Language, values: Values): Message =>
  MESSAGES[kind][language](values);
