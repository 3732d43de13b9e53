import { renderRefusal, renderSharePage } from '../share-page';

const report = (partnerName: string, label: string) => ({
  partnership: {
    documentId: 'p1',
    partnerName,
    type: 'media',
    state: 'active',
    startsOn: null,
    endsOn: null,
  },
  period: { from: '2026-05-01', to: '2026-05-03' },
  timeZone: 'Europe/Paris',
  totals: {
    humanClicks: 1234,
    uniqueVisitors: 1000,
    botClicks: 56,
    links: 1,
    posts: 0,
    postImpressions: null,
  },
  daily: [
    { day: '2026-05-01', humanClicks: 0, uniqueVisitors: 0, botClicks: 0 },
    { day: '2026-05-02', humanClicks: 1234, uniqueVisitors: 1000, botClicks: 56 },
  ],
  links: [
    {
      id: 1,
      code: 'abc',
      shortPath: '/l/abc',
      label,
      enabled: true,
      humanClicks: 1234,
      uniqueVisitors: 1000,
      botClicks: 56,
    },
  ],
  posts: [],
});

describe("the partner's shared page", () => {
  it('escapes every name an editor wrote, and runs no script', () => {
    const html = renderSharePage({
      outcome: 'shown',
      language: 'en',
      expiresAt: '2026-06-01T10:00:00.000Z',
      report: report('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>') as any,
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("speaks the partner's language, with its number format, and keeps bots apart", () => {
    const french = renderSharePage({
      outcome: 'shown',
      language: 'fr',
      expiresAt: '2026-06-01T10:00:00.000Z',
      report: report('Cyclette', 'Bannière') as any,
    });
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('Clics humains');
    expect(french).toMatch(/data-figure="humanClicks"><span>Clics humains<\/span><b>1\s234<\/b>/);
    expect(french).toContain('Requêtes de robots (non comptées)');
    // Days without any request are left out of the day table.
    expect(french).not.toContain('<td>1 mai 2026</td>');
    expect(french).toContain('<td>2 mai 2026</td>');
    const english = renderSharePage({
      outcome: 'shown',
      language: 'en',
      expiresAt: '2026-06-01T10:00:00.000Z',
      report: report('Cyclette', 'Banner') as any,
    });
    expect(english).toContain('<b>1,234</b>');
  });

  it('refuses without a figure: both languages when the link is unknown, its own when expired or revoked', () => {
    const missing = renderRefusal({ outcome: 'missing' });
    expect(missing).toContain('Ce rapport n’existe pas.');
    expect(missing).toContain('This report does not exist.');
    expect(renderRefusal({ outcome: 'expired', language: 'en' })).toContain('has expired');
    expect(renderRefusal({ outcome: 'revoked', language: 'fr' })).toContain('a été retiré');
  });
});
