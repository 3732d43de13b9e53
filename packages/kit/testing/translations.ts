import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

type Messages = Record<string, string>;

/** The admin's source files below `dir`, tests left out. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '__tests__' ? [] : sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });

/** The keys of `en` that the code below `adminDir` asks for in `t('…')`, or quotes where `quoted` is said. */
export function keysUsed(adminDir: string, en: Messages, { quoted = false } = {}): Set<string> {
  const namespaces = new Set(Object.keys(en).map((key) => key.split('.')[0]));
  const used = new Set<string>();
  for (const file of sources(adminDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\('([a-zA-Z.]+)'/g)) used.add(match[1]);
    if (!quoted) continue;
    // Keys picked in a condition (`t(late ? 'pace.behind' : 'pace.on_track')`) are quoted too.
    for (const match of text.matchAll(/'([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)'/g))
      if (namespaces.has(match[1].split('.')[0])) used.add(match[1]);
  }
  return used;
}

/**
 * French is first-class: the tests every plugin's admin translations pass. Every message exists in
 * both languages with the same ICU placeholders, none is empty, every literal key the code uses
 * exists (at least `minimumUsed` of them are found, so a broken scan cannot pass), and so does every
 * key in `expected` (what the server stores or answers, which the admin must name).
 */
export function describeTranslations(options: {
  adminDir: string;
  en: Messages;
  fr: Messages;
  minimumUsed: number;
  quotedKeys?: boolean;
  expected?: { title: string; keys: () => string[] };
}) {
  const { adminDir, en, fr } = options;

  describe('admin translations', () => {
    it('have the same keys in English and French, none left empty', () => {
      expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(fr))
        expect([key, value.trim().length > 0]).toEqual([key, true]);
    });

    it('keep the ICU placeholders of each message in both languages', () => {
      // An argument is `{name}` or `{name, type…}`; `one {Threat}` is a plural's branch, not one.
      const placeholders = (message: string) =>
        [...message.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)\s*[,}]/g)]
          .map((match) => match[1])
          .sort();
      const differing = Object.keys(en).filter(
        (key) => JSON.stringify(placeholders(en[key])) !== JSON.stringify(placeholders(fr[key] ?? ''))
      );
      expect(differing).toEqual([]);
    });

    it('contain every literal key the pages use', () => {
      const used = keysUsed(adminDir, en, { quoted: options.quotedKeys });
      expect(used.size).toBeGreaterThan(options.minimumUsed);
      expect([...used].filter((key) => !(key in en))).toEqual([]);
    });

    if (options.expected) {
      const { title, keys } = options.expected;
      it(title, () => {
        expect(keys().filter((key) => !(key in en))).toEqual([]);
      });
    }
  });
}
