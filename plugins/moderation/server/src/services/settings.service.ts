import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { PLUGIN_ID } from '../plugin-id';
import { describeZodError, mergeSettings, settingsSchema, type ModerationSettings } from '../config/schema';
import { createRulesEngine, type RulesEngine } from '../rules/engine';
import { keepMaskedSecrets } from '../utils/secrets';

/**
 * The settings moderators edit in the admin, stored in the plugin store over the defaults from
 * `config/plugins.ts`. Read on every submission, so kept in memory for a few seconds (other
 * instances see a change within that time) together with the compiled rules engine.
 */
const CACHE_MS = 5_000;

const settingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { settings: ModerationSettings; engine: RulesEngine | null; at: number } | null = null;

  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  const defaults = () => settingsSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`));

  const load = async (): Promise<NonNullable<typeof cached>> => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    const stored = await store().get({});
    const parsed = settingsSchema.safeParse(mergeSettings(defaults(), stored ?? {}));
    if (!parsed.success) {
      // A stored value that a newer version no longer accepts must not stop comments: use the defaults.
      strapi.log.warn(`[moderation] stored settings ignored: ${describeZodError(parsed.error)}`);
    }
    const settings = parsed.success ? parsed.data : defaults();
    const engine =
      cached && JSON.stringify(cached.settings) === JSON.stringify(settings) ? cached.engine : null;
    cached = { settings, engine, at: Date.now() };
    return cached;
  };

  return {
    async get(): Promise<ModerationSettings> {
      return (await load()).settings;
    },

    /** The rules engine compiled for the current settings (word lists compiled once per change). */
    async engine(): Promise<RulesEngine> {
      const current = await load();
      current.engine ??= createRulesEngine(current.settings);
      return current.engine;
    },

    async update(patch: unknown): Promise<{ before: ModerationSettings; after: ModerationSettings }> {
      if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new errors.ValidationError(
          'Send the settings to change as a JSON object, e.g. { "newAuthorPremoderation": false }',
          { reason: 'invalid_input', field: null }
        );
      }
      cached = null;
      const before = await this.get();
      const parsed = settingsSchema.safeParse(mergeSettings(before, keepMaskedSecrets(patch, before)));
      if (!parsed.success)
        throw new errors.ValidationError(`Invalid settings: ${describeZodError(parsed.error)}`, {
          reason: 'invalid_input',
          field: parsed.error.issues[0]?.path.join('.') ?? null,
        });
      await store().set({ value: parsed.data });
      cached = null;
      return { before, after: parsed.data };
    },
  };
};

export default settingsService;
