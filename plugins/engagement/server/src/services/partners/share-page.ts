/**
 * The partner's shared page, in the language chosen when the link was made: a plain HTML page (no
 * script, no outside resource) with that partnership's figures and nothing else. Every value is
 * escaped: names and labels are editors' text.
 */
import type { ShareOpening } from '../partner-shares.service';

type Language = 'en' | 'fr';

const TEXT = {
  en: {
    title: (name: string) => `${name}: traffic report`,
    period: (from: string, to: string) => `From ${from} to ${to}`,
    expires: (at: string) => `This read-only page is available until ${at}.`,
    humanClicks: 'Human clicks',
    uniqueVisitors: 'Unique visitors',
    botClicks: 'Bot requests (not counted)',
    botNote:
      'Link-preview fetchers, crawlers and HEAD requests are counted apart and never added to the clicks.',
    posts: 'Posts',
    daily: 'Clicks per day',
    links: 'Tracked links',
    day: 'Day',
    link: 'Link',
    post: 'Post',
    firstPosted: 'First published',
    interactions: 'Interactions',
    impressions: 'Impressions',
    none: 'No data for this period yet.',
    na: 'n/a',
    missing: 'This report does not exist.',
    expired: 'This report link has expired. Ask your contact for a new one.',
    revoked: 'This report link has been withdrawn. Ask your contact for a new one.',
  },
  fr: {
    title: (name: string) => `${name} : rapport de trafic`,
    period: (from: string, to: string) => `Du ${from} au ${to}`,
    expires: (at: string) => `Cette page en lecture seule est disponible jusqu’au ${at}.`,
    humanClicks: 'Clics humains',
    uniqueVisitors: 'Visiteurs uniques',
    botClicks: 'Requêtes de robots (non comptées)',
    botNote:
      'Les aperçus de liens, robots d’indexation et requêtes HEAD sont comptés à part et jamais ajoutés aux clics.',
    posts: 'Publications',
    daily: 'Clics par jour',
    links: 'Liens suivis',
    day: 'Jour',
    link: 'Lien',
    post: 'Publication',
    firstPosted: 'Première publication',
    interactions: 'Interactions',
    impressions: 'Impressions',
    none: 'Pas encore de données sur cette période.',
    na: 'n.d.',
    missing: 'Ce rapport n’existe pas.',
    expired: 'Ce lien de rapport a expiré. Demandez-en un nouveau à votre contact.',
    revoked: 'Ce lien de rapport a été retiré. Demandez-en un nouveau à votre contact.',
  },
} as const;

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#212134}' +
  'table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{padding:.4rem .6rem;border-bottom:1px solid #dcdce4;text-align:left}' +
  'td.n,th.n{text-align:right}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#f6f6f9;border-radius:4px;padding:1rem;min-width:10rem}' +
  '.card b{display:block;font-size:1.6rem}.muted{color:#666687}';

function page(language: Language, title: string, body: string) {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><meta name="robots" content="noindex,nofollow">` +
    `<title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`
  );
}

/** The page of a link that is unknown (both languages: nobody knows whose it was), expired or revoked. */
export function renderRefusal(opening: Exclude<ShareOpening, { outcome: 'shown' }>): string {
  if (opening.outcome === 'missing') {
    return page('fr', '404', `<p>${escape(TEXT.fr.missing)}</p><p lang="en">${escape(TEXT.en.missing)}</p>`);
  }
  const text = TEXT[opening.language];
  return page(
    opening.language,
    '410',
    `<p data-share-refusal="${opening.outcome}">${escape(text[opening.outcome])}</p>`
  );
}

export function renderSharePage(opening: Extract<ShareOpening, { outcome: 'shown' }>): string {
  const { language, report } = opening;
  const text = TEXT[language];
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const number = (value: number | null) =>
    value === null ? text.na : new Intl.NumberFormat(locale).format(value);
  const day = (value: string | null) =>
    value
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${value.slice(0, 10)}T12:00:00Z`)
        )
      : text.na;
  const expires = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: report.timeZone,
  }).format(new Date(opening.expiresAt));
  const card = (label: string, value: number | null, key: string) =>
    `<div class="card" data-figure="${key}"><span>${escape(label)}</span><b>${number(value)}</b></div>`;
  const table = (headers: Array<[string, boolean]>, rows: string[][], id: string) =>
    rows.length === 0
      ? `<p class="muted">${escape(text.none)}</p>`
      : `<table data-table="${id}"><thead><tr>${headers
          .map(([label, numeric]) => `<th${numeric ? ' class="n"' : ''}>${escape(label)}</th>`)
          .join('')}</tr></thead><tbody>${rows
          .map(
            (cells) =>
              `<tr>${cells.map((cell, i) => `<td${headers[i][1] ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`
          )
          .join('')}</tbody></table>`;

  const body =
    `<h1>${escape(text.title(report.partnership.partnerName))}</h1>` +
    `<p>${escape(text.period(day(report.period.from), day(report.period.to)))}</p>` +
    `<div class="cards">${card(text.humanClicks, report.totals.humanClicks, 'humanClicks')}` +
    `${card(text.uniqueVisitors, report.totals.uniqueVisitors, 'uniqueVisitors')}` +
    `${card(text.posts, report.totals.posts, 'posts')}` +
    `${card(text.botClicks, report.totals.botClicks, 'botClicks')}</div>` +
    `<p class="muted">${escape(text.botNote)}</p>` +
    `<h2>${escape(text.daily)}</h2>` +
    table(
      [
        [text.day, false],
        [text.humanClicks, true],
        [text.uniqueVisitors, true],
        [text.botClicks, true],
      ],
      report.daily
        .filter((row) => row.humanClicks > 0 || row.botClicks > 0)
        .map((row) => [
          escape(day(row.day)),
          number(row.humanClicks),
          number(row.uniqueVisitors),
          number(row.botClicks),
        ]),
      'daily'
    ) +
    `<h2>${escape(text.links)}</h2>` +
    table(
      [
        [text.link, false],
        [text.humanClicks, true],
        [text.uniqueVisitors, true],
        [text.botClicks, true],
      ],
      report.links.map((link) => [
        escape(link.label ?? link.shortPath),
        number(link.humanClicks),
        number(link.uniqueVisitors),
        number(link.botClicks),
      ]),
      'links'
    ) +
    `<h2>${escape(text.posts)}</h2>` +
    table(
      [
        [text.post, false],
        [text.firstPosted, false],
        [text.interactions, true],
        [text.impressions, true],
      ],
      report.posts.map((post) => [
        escape(post.title ?? ''),
        escape(day(post.firstPosted)),
        number(post.interactions),
        number(post.impressions),
      ]),
      'posts'
    ) +
    `<p class="muted">${escape(text.expires(expires))}</p>`;
  return page(language, text.title(report.partnership.partnerName), body);
}
