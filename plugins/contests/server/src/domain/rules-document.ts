import type { ContestSettings } from './contest-settings';

/**
 * The contest rules ("règlement") generated from the contest's fields, in French or English, as
 * Markdown. The organiser reviews it and may file it with a commissaire de justice; the text
 * states the draw method and its commitment so the rules and the public state can be compared.
 */
export type RulesLocale = 'fr' | 'en';

export type RulesInput = {
  eventTitle: string;
  eventDocumentId: string;
  settings: ContestSettings;
  commitment: string | null;
  timeZone: string;
  publicStateUrl?: string;
};

const COUNTRY_NAMES: Record<RulesLocale, Intl.DisplayNames> = {
  fr: new Intl.DisplayNames(['fr'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

function formatDate(iso: string, locale: RulesLocale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

function formatMoney(
  value: number | string | null | undefined,
  currency: string,
  locale: RulesLocale
): string | null {
  if (value === null || value === undefined || value === '') return null;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency }).format(
    Number(value)
  );
}

const TEXT = {
  fr: {
    title: (t: string) => `# Règlement du jeu-concours « ${t} »`,
    organizer: '## Article 1 – Organisateur',
    organizerBody: (o: string) =>
      `Le jeu-concours est organisé par ${o} (ci-après « l'Organisateur »). La participation est gratuite et sans obligation d'achat.`,
    dates: '## Article 2 – Durée',
    datesBody: (from: string, to: string) =>
      `Le jeu est ouvert du ${from} au ${to}. Toute participation reçue hors de cette période est refusée.`,
    eligibility: '## Article 3 – Conditions de participation',
    age: (n: number) =>
      `Le jeu est ouvert aux personnes âgées d'au moins ${n} ans à la date de leur participation.`,
    minors:
      'Les mineurs participent sous la responsabilité de leur représentant légal, dont l’autorisation pourra être demandée au moment de la remise du lot.',
    countries: (list: string) => `Il est réservé aux personnes résidant dans les pays suivants : ${list}.`,
    anyCountry: 'Il est ouvert aux personnes résidant dans tout pays.',
    perPerson: (n: number) =>
      n === 1
        ? 'Une seule participation est admise par personne (même adresse e-mail ou même numéro de téléphone).'
        : `Chaque personne peut participer au plus ${n} fois (même adresse e-mail ou même numéro de téléphone).`,
    staff:
      'Le personnel de l’Organisateur et des partenaires du jeu, ainsi que les membres de leur foyer, ne peuvent pas participer.',
    mechanics: '## Article 4 – Modalités de participation',
    mechanicsBody:
      'Pour participer, il suffit de remplir le formulaire de participation (nom, adresse e-mail, pays, date de naissance) et d’accepter le présent règlement. L’acceptation de recevoir des communications commerciales est facultative et n’a aucune incidence sur la participation ni sur les chances de gagner.',
    fraud:
      'L’Organisateur peut écarter, en motivant sa décision, toute participation frauduleuse ou contraire au règlement (adresses jetables, participations multiples, automatisation). Chaque décision est consignée dans un journal d’audit.',
    prizes: '## Article 5 – Dotations',
    prizeLine: (q: number, name: string, value: string | null) =>
      `- ${q} × ${name}${value ? ` d’une valeur unitaire de ${value} TTC` : ''}`,
    noPrizes: 'Les dotations seront précisées par l’Organisateur.',
    total: (v: string) =>
      `Valeur totale des dotations : ${v} TTC. Les lots ne sont ni échangeables ni remboursables.`,
    draw: '## Article 6 – Tirage au sort vérifiable',
    drawBody: (w: number, s: number) =>
      `Les ${w} gagnant(s) et ${s} suppléant(s) sont désignés par un tirage au sort par engagement–révélation, après la clôture du jeu, parmi les participations valides.`,
    drawSteps: [
      'Avant l’ouverture, le serveur tire une graine secrète de 32 octets et publie son empreinte `engagement = SHA-256(graine)`.',
      'À la clôture, la liste des identifiants publics des participations valides est figée et son empreinte publiée : `SHA-256(identifiants triés par ordre croissant, séparés par un saut de ligne)`.',
      'Chaque participation reçoit le rang `HMAC-SHA256(clé = graine, message = balise + ":" + identifiant)` en hexadécimal minuscule ; les participations sont classées par rang croissant.',
      'Les gagnants sont les premières personnes distinctes du classement ; les suivantes sont suppléantes, dans l’ordre.',
      'La graine, la balise, la liste figée et le classement sont ensuite publiés : chacun peut refaire le calcul.',
    ],
    commitment: (c: string) => `Engagement publié : \`${c}\`.`,
    noCommitment: 'L’engagement sera publié avant l’ouverture du jeu.',
    beacon: (b: string) => `Balise publique d’aléa : ${b}, fixée après la clôture.`,
    noBeacon: 'Aucune balise publique d’aléa n’est utilisée (balise vide).',
    publicState: (u: string) => `L’état public du tirage est consultable à l’adresse ${u}.`,
    claim: '## Article 7 – Désignation et information des gagnants',
    doubleOptIn:
      'La participation n’est prise en compte qu’une fois confirmée par le lien envoyé à l’adresse e-mail indiquée ; une participation non confirmée dans le délai indiqué dans ce message est supprimée et ne prend pas part au tirage.',
    claimBody: (d: number) =>
      `Les gagnants sont informés par e-mail et disposent de ${d} jours à compter de l’envoi de cet e-mail pour réclamer leur lot. Passé ce délai, le lot est attribué au suppléant suivant, et ainsi de suite. Le prénom et l’initiale du nom d’un gagnant ne sont publiés qu’avec son accord.`,
    data: '## Article 8 – Données personnelles',
    dataBody: (o: string, days: number) =>
      `Les données collectées (nom, e-mail, pays, date de naissance, réponses) sont traitées par ${o}, responsable de traitement, pour la seule gestion du jeu (base légale : exécution du règlement accepté). L’adresse IP n’est conservée que sous forme d’empreinte, pour la détection des fraudes. Les données sont conservées ${days} jours après la clôture puis effacées ; les identifiants publics, qui ne révèlent rien des personnes, restent publiés pour que le tirage demeure vérifiable. Chaque participant dispose d’un droit d’accès, de rectification, d’effacement et d’opposition, qu’il exerce auprès de l’Organisateur, et peut saisir la CNIL.`,
    special: '## Article 9 – Dispositions particulières',
    law: '## Article 10 – Loi applicable',
    lawBody:
      'Le présent règlement est soumis au droit français (articles L.121-20 du Code de la consommation et L.322-1 et suivants du Code de la sécurité intérieure). Il peut être déposé auprès d’un commissaire de justice.',
    generated: (at: string) => `_Règlement généré le ${at}._`,
  },
  en: {
    title: (t: string) => `# Official rules: “${t}”`,
    organizer: '## 1. Organiser',
    organizerBody: (o: string) =>
      `This contest is run by ${o} (“the Organiser”). It is free to enter; no purchase is necessary.`,
    dates: '## 2. Dates',
    datesBody: (from: string, to: string) =>
      `Entries are accepted from ${from} to ${to}. Entries received outside this period are refused.`,
    eligibility: '## 3. Eligibility',
    age: (n: number) => `Entrants must be at least ${n} years old on the day they enter.`,
    minors:
      'Minors take part under the responsibility of a parent or guardian, whose consent may be asked for when the prize is handed over.',
    countries: (list: string) => `Open to residents of: ${list}.`,
    anyCountry: 'Open to residents of any country.',
    perPerson: (n: number) =>
      n === 1
        ? 'One entry per person (same email address or same phone number).'
        : `At most ${n} entries per person (same email address or same phone number).`,
    staff:
      'Employees of the Organiser and of the contest’s partners, and members of their households, may not enter.',
    mechanics: '## 4. How to enter',
    mechanicsBody:
      'Fill in the entry form (name, email address, country, date of birth) and accept these rules. Agreeing to receive marketing is optional and has no effect on entering or on the chance of winning.',
    fraud:
      'The Organiser may set aside, with a stated reason, any fraudulent entry or entry contrary to these rules (throwaway addresses, multiple entries, automation). Every decision is recorded in an audit log.',
    prizes: '## 5. Prizes',
    prizeLine: (q: number, name: string, value: string | null) =>
      `- ${q} × ${name}${value ? `, retail value ${value} each (incl. VAT)` : ''}`,
    noPrizes: 'Prizes will be announced by the Organiser.',
    total: (v: string) =>
      `Total prize value: ${v} (incl. VAT). Prizes cannot be exchanged or redeemed for cash.`,
    draw: '## 6. A draw anyone can verify',
    drawBody: (w: number, s: number) =>
      `${w} winner(s) and ${s} substitute(s) are chosen after the close, among valid entries, by a commit–reveal draw.`,
    drawSteps: [
      'Before entries open, the server draws a secret 32-byte seed and publishes `commitment = SHA-256(seed)`.',
      'At the close, the list of public ids of valid entries is frozen and its hash published: `SHA-256(ids sorted ascending, joined by a newline)`.',
      'Each entry is ranked by `HMAC-SHA256(key = seed, message = beacon + ":" + id)` in lowercase hex, ascending.',
      'Winners are the first distinct persons in the ranking; the next ones are substitutes, in order.',
      'The seed, the beacon, the frozen list and the ranking are then published, so anyone can recompute the result.',
    ],
    commitment: (c: string) => `Published commitment: \`${c}\`.`,
    noCommitment: 'The commitment will be published before entries open.',
    beacon: (b: string) => `Public randomness beacon: ${b}, fixed after the close.`,
    noBeacon: 'No public randomness beacon is used (empty beacon).',
    publicState: (u: string) => `The draw’s public state is available at ${u}.`,
    claim: '## 7. Winners',
    doubleOptIn:
      'An entry counts only once confirmed through the link sent to the email address given; an entry not confirmed within the time stated in that message is deleted and takes no part in the draw.',
    claimBody: (d: number) =>
      `Winners are told by email and have ${d} days from the sending of that email to claim their prize. After that, the prize goes to the next substitute, and so on. A winner’s first name and initial are published only with their consent.`,
    data: '## 8. Personal data',
    dataBody: (o: string, days: number) =>
      `The data collected (name, email, country, date of birth, answers) is processed by ${o}, the controller, only to run the contest (legal basis: performing the rules the entrant accepted). IP addresses are kept only as a keyed hash, to detect fraud. Data is kept for ${days} days after the close, then erased; public ids, which reveal nothing about anyone, stay published so the draw remains verifiable. Entrants may access, correct or erase their data or object to its processing by writing to the Organiser, and may complain to their data-protection authority (in France, the CNIL).`,
    special: '## 9. Specific provisions',
    law: '## 10. Governing law',
    lawBody:
      'These rules are governed by French law (Consumer Code art. L.121-20; Internal Security Code art. L.322-1 ff.). They may be filed with a commissaire de justice.',
    generated: (at: string) => `_Rules generated on ${at}._`,
  },
} as const;

export function generateRules(input: RulesInput, locale: RulesLocale, now: Date = new Date()): string {
  const t = TEXT[locale];
  const { settings } = input;
  const date = (iso: string) => formatDate(iso, locale, input.timeZone);
  const countries = settings.eligibleCountries
    .map((code) => COUNTRY_NAMES[locale].of(code) ?? code)
    .join(', ');
  const currency = settings.prizes.find((prize) => prize.currency)?.currency ?? 'EUR';
  const total = settings.prizes.reduce(
    (sum, prize) => sum + Number(prize.unitValue ?? 0) * prize.quantity,
    0
  );

  const lines: string[] = [
    t.title(input.eventTitle),
    '',
    t.organizer,
    t.organizerBody(settings.organizer),
    '',
    t.dates,
    t.datesBody(date(settings.entryOpensAt), date(settings.entryClosesAt)),
    '',
    t.eligibility,
    settings.minimumAge > 0 ? t.age(settings.minimumAge) : t.minors,
    ...(settings.minimumAge > 0 && settings.minimumAge < 18 ? [t.minors] : []),
    settings.eligibleCountries.length > 0 ? t.countries(countries) : t.anyCountry,
    t.perPerson(settings.entriesPerPerson),
    t.staff,
    '',
    t.mechanics,
    t.mechanicsBody,
    ...(settings.doubleOptIn ? [t.doubleOptIn] : []),
    t.fraud,
    '',
    t.prizes,
    ...(settings.prizes.length > 0
      ? settings.prizes.map((prize) =>
          t.prizeLine(
            prize.quantity,
            prize.name,
            formatMoney(prize.unitValue, prize.currency ?? currency, locale)
          )
        )
      : [t.noPrizes]),
    ...(total > 0 ? ['', t.total(formatMoney(total, currency, locale)!)] : []),
    '',
    t.draw,
    t.drawBody(settings.winnersCount, settings.substitutesCount),
    '',
    ...t.drawSteps.map((step, i) => `${i + 1}. ${step}`),
    '',
    input.commitment ? t.commitment(input.commitment) : t.noCommitment,
    settings.beaconSource ? t.beacon(settings.beaconSource) : t.noBeacon,
    ...(input.publicStateUrl ? [t.publicState(input.publicStateUrl)] : []),
    '',
    t.claim,
    t.claimBody(settings.claimDays),
    '',
    t.data,
    t.dataBody(settings.organizer, settings.retentionDays),
    ...(settings.rules?.trim() ? ['', t.special, settings.rules.trim()] : []),
    '',
    t.law,
    t.lawBody,
    '',
    t.generated(date(now.toISOString())),
    '',
  ];
  return lines.join('\n');
}
