import fc from 'fast-check';

import { toPlainText } from '../plain-text';
import { normaliseEmail } from '../../services/identity.service';

// What would open a tag for an HTML parser: "<" right before a letter, "/", "!" or "?".
const EXECUTABLE = /<[a-z!/?]/i;

describe('comments are plain text', () => {
  it.each([
    ['<script>alert(1)</script>Bonjour', 'alert(1)Bonjour'],
    ['<scr<script>ipt>alert(1)</script>', 'alert(1)'],
    ['<img src=x onerror=alert(1)>joli', 'joli'],
    ['<!-- caché -->visible', 'visible'],
    ['a < b et b > c, je <3 ce post', 'a < b et b > c, je <3 ce post'],
    ['<script', 'script'],
    ['<<a', 'a'],
    ['<\u0000script>alert(1)', 'alert(1)'],
    ['ligne 1\r\n\r\n\r\n\r\nligne 2', 'ligne 1\n\nligne 2'],
    ['\u202eesrever\u0000 ok', 'esrever ok'],
    ['seul \ud800 et \udc00, paire 😀', 'seul \ufffd et \ufffd, paire 😀'],
  ])('%j → %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });

  it('never leaves anything a browser would read as a tag, and keeps text without markup', () => {
    const markupish = fc.string({
      unit: fc.constantFrom('<', '>', '/', '!', '?', 'a', 's', ' ', '3', '\u0000', '\n'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(markupish, fc.string({ unit: 'binary' })), (input) => {
        expect(toPlainText(input)).not.toMatch(EXECUTABLE);
      }),
      { numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', ' ', '3', '>', '.') }), (input) => {
        expect(toPlainText(input)).toBe(input.trim());
      })
    );
  });

  /**
   * Hostile shapes whose cost used to grow with the square of their length (each pass removed one
   * level of nesting). A megabyte of each is cleaned well within the test's timeout when the work
   * grows with the length (milliseconds), and never when it grows with its square (hours): no
   * timing is compared, so a busy machine cannot make it flake. The benchmark prints the figures
   * (`BENCH_PART=rules npm run bench:moderation`).
   */
  it.each([
    ['a run of "<"', (n: number) => '<'.repeat(n)],
    ['nested tags', (n: number) => '<a'.repeat(n / 2) + '>'.repeat(n / 2)],
    ['nested split tags', (n: number) => '<scr'.repeat(n / 8) + '<script>ipt>'.repeat(n / 8)],
    ['unclosed openings', (n: number) => '<<b '.repeat(n / 4)],
  ])('cleans a megabyte of %s, leaving no tag', (_label, build) => {
    const cleaned = toPlainText(build(1_000_000));
    expect(cleaned).not.toMatch(/<[a-z!?/][^<>]*>/i);
  });
});

describe('author keys', () => {
  it('treat spellings of one address as one person', () => {
    expect(normaliseEmail('  Jane.Doe+news@GMail.com ')).toBe('janedoe@gmail.com');
    expect(normaliseEmail('jane.doe@googlemail.com')).toBe('janedoe@gmail.com');
    expect(normaliseEmail('Jean.Dupont+x@Exemple.fr')).toBe('jean.dupont@exemple.fr');
  });
});
