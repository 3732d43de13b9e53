/**
 * A scheduled report as an e-mail in the recipient's language: the period's figures with their change,
 * the top posts and, for a campaign, its targets. Plain text and HTML carry the same content; unknown
 * figures read "n/a", never 0.
 */
import type { ReportPeriod } from '../../domain/report-schedule';
import type { Overview } from './overview';

type Language = 'en' | 'fr';

const WORDS = {
  en: {
    weekly: 'Weekly report',
    monthly: 'Monthly report',
    campaign: 'Campaign',
    figure: 'Figure',
    value: 'This period',
    previous: 'Previous period',
    change: 'Change',
    interactions: 'Interactions',
    impressions: 'Impressions',
    reach: 'Reach',
    linkClicks: 'Link clicks',
    followersGained: 'Followers gained',
    engagementRate: 'Engagement rate (interactions by impressions)',
    topPosts: 'Top posts',
    targets: 'Targets',
    noPosts: 'No post was published in this period.',
    na: 'n/a',
    colon: ':',
    semicolon: ';',
    footer:
      'Sent by Porte-voix. Numbers are those collected from each network; a network that does not measure a figure shows n/a.',
  },
  fr: {
    weekly: 'Rapport hebdomadaire',
    monthly: 'Rapport mensuel',
    campaign: 'Campagne',
    figure: 'Indicateur',
    value: 'Cette période',
    previous: 'Période précédente',
    change: 'Évolution',
    interactions: 'Interactions',
    impressions: 'Impressions',
    reach: 'Portée',
    linkClicks: 'Clics sur les liens',
    followersGained: 'Abonnés gagnés',
    engagementRate: 'Taux d’engagement (interactions sur impressions)',
    topPosts: 'Meilleures publications',
    targets: 'Objectifs',
    noPosts: 'Aucune publication sur cette période.',
    na: 'n.d.',
    // French puts a (no-break) space before a colon.
    colon: '\u00a0:',
    semicolon: '\u00a0;',
    footer:
      'Envoyé par Porte-voix. Les chiffres sont ceux relevés sur chaque réseau ; un réseau qui ne mesure pas un indicateur affiche n.d.',
  },
} as const;

export type ReportEmailInput = {
  language: Language;
  cadence: 'weekly' | 'monthly';
  period: ReportPeriod;
  overview: Overview;
  topPosts: Array<{ title: string | null; interactions: number | null }>;
  campaign?: {
    name: string;
    targets: Array<{ metric: string; target: number; actual: number | null; status: string | null }>;
  };
};

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );

export function renderReportEmail(input: ReportEmailInput) {
  const w = WORDS[input.language];
  const locale = input.language === 'fr' ? 'fr-FR' : 'en-GB';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const show = (value: number | null) => (value === null ? w.na : number.format(value));
  const date = (day: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
  const { current, previous, changes } = input.overview;
  const rows: Array<[string, string, string, string]> = [
    ['interactions', current.interactions, previous.interactions, changes.interactions.percent],
    ['impressions', current.counters.impressions, previous.counters.impressions, changes.impressions.percent],
    ['reach', current.counters.reach, previous.counters.reach, changes.reach.percent],
    ['linkClicks', current.counters.linkClicks, previous.counters.linkClicks, changes.linkClicks.percent],
    ['followersGained', current.followersGained, previous.followersGained, changes.followersGained.percent],
  ].map(([key, now, before, pct]) => [
    w[key as keyof typeof w] as string,
    show(now as number | null),
    show(before as number | null),
    pct === null ? w.na : signed.format((pct as number) / 100),
  ]);
  rows.push([
    w.engagementRate,
    current.engagementRate ? percent.format(current.engagementRate.value) : w.na,
    previous.engagementRate ? percent.format(previous.engagementRate.value) : w.na,
    '',
  ]);

  const title = `${input.cadence === 'weekly' ? w.weekly : w.monthly}${input.campaign ? ` — ${input.campaign.name}` : ''}`;
  const span = `${date(input.period.from)} – ${date(input.period.to)}`;
  const subject = `Porte-voix · ${title} · ${span}`;
  const posts = input.topPosts.slice(0, 5);
  const targets = input.campaign?.targets ?? [];

  const text = [
    `${title}`,
    span,
    '',
    ...rows.map(
      ([label, now, before, change]) =>
        `${label}${w.colon} ${now} (${w.previous.toLowerCase()}${w.colon} ${before}${change ? `${w.semicolon} ${w.change.toLowerCase()}${w.colon} ${change}` : ''})`
    ),
    '',
    `${w.topPosts}${w.colon}`,
    ...(posts.length
      ? posts.map(
          (post, i) =>
            `${i + 1}. ${post.title ?? '—'} — ${show(post.interactions)} ${w.interactions.toLowerCase()}`
        )
      : [w.noPosts]),
    ...(targets.length
      ? [
          '',
          `${w.targets}${w.colon}`,
          ...targets.map(
            (t) =>
              `- ${t.metric}: ${show(t.actual)} / ${number.format(t.target)}${t.status ? ` (${t.status})` : ''}`
          ),
        ]
      : []),
    '',
    w.footer,
  ].join('\n');

  const cell = (value: string, tag = 'td') =>
    `<${tag} style="padding:4px 8px;text-align:left">${escape(value)}</${tag}>`;
  const html = `<!doctype html><html lang="${input.language}"><body style="font-family:sans-serif">
<h1 style="font-size:20px">${escape(title)}</h1><p>${escape(span)}</p>
<table><thead><tr>${[w.figure, w.value, w.previous, w.change].map((h) => cell(h, 'th')).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((value) => cell(value)).join('')}</tr>`).join('')}</tbody></table>
<h2 style="font-size:16px">${escape(w.topPosts)}</h2>
${posts.length ? `<ol>${posts.map((post) => `<li>${escape(post.title ?? '—')} — ${escape(show(post.interactions))}</li>`).join('')}</ol>` : `<p>${escape(w.noPosts)}</p>`}
${targets.length ? `<h2 style="font-size:16px">${escape(w.targets)}</h2><ul>${targets.map((t) => `<li>${escape(`${t.metric}: ${show(t.actual)} / ${number.format(t.target)}${t.status ? ` (${t.status})` : ''}`)}</li>`).join('')}</ul>` : ''}
<p style="color:#666;font-size:12px">${escape(w.footer)}</p></body></html>`;

  return { subject, text, html };
}
