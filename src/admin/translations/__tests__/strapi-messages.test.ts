import { join } from 'node:path';

import { strapiEn, strapiFr, USER_UID } from '../strapi';

// The package's `exports` hide its translation files; they are read where npm installed them.
const CM_TRANSLATIONS = join(
  __dirname,
  '../../../../node_modules/@strapi/content-manager/dist/admin/translations'
);
const strapiMessages = (language: string): Record<string, string> =>
  require(`${CM_TRANSLATIONS}/${language}.json.js`).default;

/** The ICU arguments a message names: `{name}` or `{name, type…}`; `one {entry}` is a plural's branch. */
const placeholders = (message: string) =>
  [
    ...new Set(
      [...message.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)\s*[,}]/g)].map(
        ([, name]) => name
      )
    ),
  ].sort();

describe("Strapi's own messages on the content manager", () => {
  const en = strapiMessages('en');
  const fr = strapiMessages('fr');

  it('has French for every content-manager message, from Strapi or from us', () => {
    const missing = Object.keys(en).filter((key) => !(key in fr) && !(`content-manager.${key}` in strapiFr));
    expect(missing).toEqual([]);
  });

  it("adds only what Strapi lacks (Strapi's own French wins once it has it)", () => {
    const ours = Object.keys(strapiFr)
      .filter((key) => key.startsWith('content-manager.') && !(key in strapiEn))
      .map((key) => key.slice('content-manager.'.length));
    expect(ours.filter((key) => key in fr)).toEqual([]);
    expect(ours.filter((key) => !(key in en))).toEqual([]);
  });

  it('keeps the values each English message names', () => {
    const mismatched = Object.keys(strapiFr)
      .filter((key) => key.startsWith('content-manager.') && !(key in strapiEn))
      .filter((key) => {
        const english = en[key.slice('content-manager.'.length)];
        return placeholders(english).join() !== placeholders(strapiFr[key]).join();
      });
    expect(mismatched).toEqual([]);
  });

  it('gives the ids Strapi never translated a text in both languages', () => {
    expect(Object.keys(strapiFr)).toEqual(expect.arrayContaining(Object.keys(strapiEn)));
  });

  it('labels every field of the users-permissions User type in both languages', () => {
    const userSchema = require(
      join(
        __dirname,
        '../../../../node_modules/@strapi/plugin-users-permissions/server/src/content-types/user/index.js'
      )
    );
    const unlabelled = Object.keys(userSchema.attributes).flatMap((field) =>
      [strapiEn, strapiFr]
        .filter((messages) => !messages[`content-manager.content-types.${USER_UID}.${field}`])
        .map((messages) => `${field} (${messages === strapiEn ? 'en' : 'fr'})`)
    );
    expect(unlabelled).toEqual([]);
  });
});
