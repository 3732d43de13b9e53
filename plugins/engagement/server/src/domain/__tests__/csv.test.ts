import { csvDialect, toCsv } from '../csv';

type Row = { post: string; impressions: number | null; rate: number | null };
const columns = [
  { header: 'Publication', value: (r: Row) => r.post },
  { header: 'Impressions', value: (r: Row) => r.impressions },
  { header: 'Taux', value: (r: Row) => r.rate },
];
const rows: Row[] = [
  { post: 'Avant-première ; le casque', impressions: 1200, rate: 0.0345 },
  { post: 'Toot', impressions: null, rate: null },
];

describe('CSV export', () => {
  it('is what French Excel opens as it is: BOM, semicolons, decimal comma, CRLF', () => {
    expect(toCsv(columns, rows, 'fr')).toBe(
      '\uFEFFPublication;Impressions;Taux\r\n"Avant-première ; le casque";1200;0,0345\r\nToot;;\r\n'
    );
  });

  it('is comma-separated with a decimal point in English', () => {
    expect(toCsv(columns, rows, 'en')).toBe(
      '\uFEFFPublication,Impressions,Taux\r\nAvant-première ; le casque,1200,0.0345\r\nToot,,\r\n'
    );
  });

  it('leaves unknown figures empty, never 0', () => {
    expect(toCsv(columns, [rows[1]], 'fr').split('\r\n')[1]).toBe('Toot;;');
  });

  it('quotes what would break a row, and defuses formulas', () => {
    const csv = toCsv(
      [{ header: 'text', value: (r: { t: string }) => r.t }],
      [{ t: '=HYPERLINK("x")' }, { t: 'a\nb' }],
      'en'
    );
    expect(csv).toBe('\uFEFFtext\r\n"\'=HYPERLINK(""x"")"\r\n"a\nb"\r\n');
  });

  it('picks the dialect from the admin language', () => {
    expect(csvDialect('fr-FR')).toBe('fr');
    expect(csvDialect('fr')).toBe('fr');
    expect(csvDialect('en')).toBe('en');
  });
});
