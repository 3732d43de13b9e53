import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import { NETWORKS } from '../../../../plugins/cross-post/server/src/providers';
import { NETWORK_FIELDS } from '../../../bootstrap/network-choices';
import { en } from '../en';
import { fr } from '../fr';
import { schemaMessages } from '../messages';
import { COMPONENT_SCHEMAS, CONTENT_TYPE_SCHEMAS, type Schema } from '../schemas';
import type { SchemaTexts } from '../types';

const ROOT = join(__dirname, '../../../..');
const read = (file: string): Schema => JSON.parse(readFileSync(file, 'utf8'));

/** Every schema on disk, by uid, as Strapi names them. */
function schemasOnDisk(): { contentTypes: Record<string, Schema>; components: Record<string, Schema> } {
  const contentTypes: Record<string, Schema> = {};
  for (const api of readdirSync(join(ROOT, 'src/api'))) {
    const dir = join(ROOT, 'src/api', api, 'content-types');
    for (const name of readdirSync(dir))
      contentTypes[`api::${api}.${name}`] = read(join(dir, name, 'schema.json'));
  }
  const components: Record<string, Schema> = {};
  for (const category of readdirSync(join(ROOT, 'src/components'))) {
    const dir = join(ROOT, 'src/components', category);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      components[`${category}.${basename(file, '.json')}`] = read(join(dir, file));
    }
  }
  return { contentTypes, components };
}

const onDisk = schemasOnDisk();

/** The schemas as Strapi runs them: the fields that name a network offer cross-post's registry (bootstrap/network-choices.ts). */
function asRun(): typeof onDisk {
  const run = JSON.parse(JSON.stringify(onDisk)) as typeof onDisk;
  for (const [uid, field] of NETWORK_FIELDS) run.components[uid].attributes[field].enum = [...NETWORKS];
  return run;
}
const running = asRun();
const LANGUAGES: Array<[string, SchemaTexts]> = [
  ['en', en],
  ['fr', fr],
];

const missing = (text: string | undefined) => !text || !text.trim();

describe('content model texts', () => {
  it('lists every schema on disk (src/admin/translations/schemas.ts)', () => {
    expect(CONTENT_TYPE_SCHEMAS).toEqual(onDisk.contentTypes);
    expect(COMPONENT_SCHEMAS).toEqual(onDisk.components);
  });

  describe.each(LANGUAGES)('in %s', (_language, texts) => {
    const gaps = (): string[] => {
      const found: string[] = [];
      for (const [kind, schemas] of [
        ['contentTypes', running.contentTypes],
        ['components', running.components],
      ] as const) {
        for (const [uid, schema] of Object.entries(schemas)) {
          const type = texts[kind][uid];
          if (missing(type?.name)) found.push(`${uid}: name`);
          for (const [field, attribute] of Object.entries(schema.attributes)) {
            const field_ = type?.fields[field];
            if (missing(field_?.label)) found.push(`${uid}.${field}: label`);
            if (missing(field_?.hint)) found.push(`${uid}.${field}: hint`);
            for (const value of attribute.enum ?? []) {
              if (missing(texts.enumValues[value])) found.push(`${uid}.${field}: enum value "${value}"`);
            }
          }
          for (const field of Object.keys(type?.fields ?? {})) {
            if (!schema.attributes[field]) found.push(`${uid}.${field}: not in the schema any more`);
          }
        }
        for (const uid of Object.keys(texts[kind])) {
          if (!schemas[uid]) found.push(`${uid}: not in the schemas any more`);
        }
      }
      const used = new Set(
        Object.values({ ...running.contentTypes, ...running.components }).flatMap((schema) =>
          Object.values(schema.attributes).flatMap((attribute) => attribute.enum ?? [])
        )
      );
      for (const value of Object.keys(texts.enumValues)) {
        if (!used.has(value)) found.push(`enum value "${value}": used by no schema`);
      }
      return found;
    };

    it('names every content type and component, and labels and explains every field and enum value', () => {
      expect(gaps()).toEqual([]);
    });

    it('gives the content manager the keys it looks up', () => {
      const messages = schemaMessages(texts);
      for (const [uid, schema] of Object.entries(onDisk.contentTypes)) {
        expect(messages[schema.info.displayName]).toBe(texts.contentTypes[uid].name);
        for (const field of Object.keys(schema.attributes)) {
          expect(messages[`content-manager.content-types.${uid}.${field}`]).toBe(
            texts.contentTypes[uid].fields[field].label
          );
        }
      }
      for (const [uid, schema] of Object.entries(onDisk.components)) {
        for (const field of Object.keys(schema.attributes)) {
          expect(messages[`content-manager.components.${uid}.${field}`]).toBe(
            texts.components[uid].fields[field].label
          );
        }
      }
      expect(messages.in_review).toBe(texts.enumValues.in_review);
    });
  });

  it('gives content types distinct display names (the edit view knows a type only by it)', () => {
    const names = Object.values(onDisk.contentTypes).map((schema) => schema.info.displayName);
    expect(new Set(names).size).toBe(names.length);
  });

  it("keeps the plugins' content types out of the Content Manager (else they would need texts here)", () => {
    const pluginsDir = join(ROOT, 'plugins');
    const visible: string[] = [];
    for (const plugin of readdirSync(pluginsDir)) {
      const dir = join(pluginsDir, plugin, 'server/src/content-types');
      let names: string[] = [];
      try {
        names = readdirSync(dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name);
      } catch {
        continue;
      }
      for (const name of names) {
        const schema = JSON.parse(readFileSync(join(dir, name, 'schema.json'), 'utf8'));
        if (schema.pluginOptions?.['content-manager']?.visible !== false) {
          visible.push(`plugin::${plugin}.${basename(dirname(join(dir, name, 'schema.json')))}`);
        }
      }
    }
    expect(visible).toEqual([]);
  });
});
