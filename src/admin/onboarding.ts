/**
 * Strapi's generic onboarding is for people building a schema; Porte-voix arrives with its schema and its own
 * help. Strapi 5.54 offers no setting for the guided tour nor for the Media Library announcement: both read
 * their state from localStorage (admin `GuidedTour/Context` `STRAPI_GUIDED_TOUR`, `MediaLibraryBanner`
 * `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_<legacy flag>:<instance uuid>`), so the admin writes "done" there
 * before it renders. The release notification has a setting: `config.notifications.releases`.
 */
export const ONBOARDING_CONFIG = { notifications: { releases: false } };

const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
const MEDIA_LIBRARY_BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_';
/**
 * The banner's key ends with `/admin/init`'s `uuid`: `false` here, because package.json sets
 * `strapi.telemetryDisabled`, and `undefined` while that request is under way.
 */
const INSTANCE_SCOPES = ['false', 'undefined'];

function readJson(storage: Storage, key: string): Record<string, unknown> {
  try {
    const value = JSON.parse(storage.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

export function skipGenericOnboarding(storage: Storage = window.localStorage): void {
  // Keeps what Strapi stored (tour steps, completed actions); it fills in the rest itself.
  storage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ ...readJson(storage, GUIDED_TOUR_KEY), enabled: false }));
  for (const legacyMediaLibrary of [true, false]) {
    for (const scope of INSTANCE_SCOPES) {
      storage.setItem(`${MEDIA_LIBRARY_BANNER_KEY}${legacyMediaLibrary}:${scope}`, 'true');
    }
  }
}
