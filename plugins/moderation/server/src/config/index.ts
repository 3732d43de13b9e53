import { defaultSettings, describeZodError, settingsSchema } from './schema';

/**
 * `config/plugins.ts` → `moderation.config` gives the defaults of the settings that moderators
 * then edit in the admin. A wrong value stops the app at boot with the path of the mistake.
 */
export default {
  default: defaultSettings,
  validator(config: unknown) {
    const parsed = settingsSchema.safeParse(config);
    if (!parsed.success) {
      throw new Error(`Invalid moderation settings in config/plugins.ts: ${describeZodError(parsed.error)}`);
    }
  },
};
