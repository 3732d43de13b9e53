import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';

import { en } from '../../src/admin/translations/en';
import { fr } from '../../src/admin/translations/fr';
import { COMPONENT_SCHEMAS, CONTENT_TYPE_SCHEMAS } from '../../src/admin/translations/schemas';
import type { SchemaTexts } from '../../src/admin/translations/types';
import { openAdmin, type AdminSession } from './harness/browser';

/**
 * Every page a community manager opens, in French and in English: the content manager's lists and edit
 * views, the plugins' pages and the home page. A page fails when the console reports an error, a warning or a
 * missing translation, or when it shows a raw field name or enum value (`entryOpensAt`, `in_review`).
 * Screenshots of each page at 1280 and 768 px go to .tmp/screenshots/<lang>-<width>-<page>.png.
 *
 * A production bundle logs neither react-intl's MISSING_TRANSLATION nor React's and styled-components'
 * warnings. To see those too, run this file once on a development bundle:
 * `NODE_ENV=development npx strapi build && npx jest --selectProjects e2e --runInBand tests/e2e/languages.e2e.test.ts`
 * (then rebuild with NODE_ENV=production for the other browser tests).
 */

const SCREENSHOTS = path.join(__dirname, '../../.tmp/screenshots');
const WIDTHS = [1280, 768];

/**
 * Console messages Strapi itself emits and this app cannot change, each with why. Keep it short: anything
 * our code or configuration can fix is fixed instead.
 */
const STRAPI_CONSOLE_ALLOWLIST: Array<{ pattern: RegExp; why: string }> = [
  {
    pattern: /^error: Failed to load resource: .* 404 .*\/admin\/ai-feature-config\)$/,
    why:
      "Strapi 5.54's content manager asks for the Strapi AI configuration on every list and edit view " +
      '(content-manager useDocumentActions → useGetAiFeatureConfigQuery), and the admin answers 404 while ' +
      'Strapi AI is not enabled (admin ai controller getAiFeatureConfig); Chromium logs every 404.',
  },
  {
    pattern: /^error: Failed to load resource: .* 404 .*\/i18n\/ai-localization-jobs\//,
    why:
      "Same for Strapi AI translations: i18n's edit-view header (CMHeaderActions, useAILocalizationJobsPolling) " +
      'always asks for the AI localization job of the entry, and i18n answers 404 while Strapi AI is off.',
  },
  // Development warnings: React, styled-components and Redux Toolkit print them only in a development bundle
  // (`NODE_ENV=development npx strapi build`), never in the production one the other browser tests use.
  {
    pattern: /^warning: ⚠️ React Router Future Flag Warning/,
    why: "Strapi creates the admin's router (React Router 6) without the v7 future flags; an app cannot set them.",
  },
  {
    pattern: /^warning: (Serializable|Immutable)StateInvariantMiddleware took \d+ms/,
    why: "Redux Toolkit's development-only timing of Strapi's own admin store.",
  },
  {
    pattern: /^warning: useRBAC: The first argument should be an array of permissions, not an object/,
    why:
      'Strapi calls useRBAC with an object itself (upload useMediaLibraryPermissions, content-releases, ' +
      'users-permissions pages); the Porte-voix plugins pass arrays (plugins/*/admin/src/hooks/use*Permissions.ts).',
  },
  {
    pattern:
      /^warning: styled-components: it looks like an unknown prop "attribute" is being sent through to the DOM/,
    why:
      "Edit views only: content-manager's relation input (EditView/FormInputs/Relations) spreads the field's " +
      'props, `attribute` included, down to the design-system combobox.',
  },
];

/** Identifiers an editor must never read: field names in camelCase and enum values with an underscore. */
const RAW_IDENTIFIERS = new Set(
  Object.values({ ...CONTENT_TYPE_SCHEMAS, ...COMPONENT_SCHEMAS }).flatMap((schema) => [
    ...Object.keys(schema.attributes).filter((name) => /[A-Z]/.test(name)),
    ...Object.values(schema.attributes)
      .flatMap((attribute) => attribute.enum ?? [])
      .filter((value) => value.includes('_')),
  ])
);

type Visit = {
  /** File-name part of the screenshots. */
  name: string;
  path: (ids: Record<string, string>) => string;
  /** What shows once the page has its data. */
  ready: (page: Page, texts: SchemaTexts) => Locator[];
};

/** The list, titled with the type's name, its enum columns (`shownEnumValue`) in words. */
const listOf = (uid: string, shownEnumValue: string): Visit => ({
  name: `list-${uid.split('.').pop()}`,
  path: () => `/admin/content-manager/collection-types/${uid}`,
  ready: (page, texts) => [
    page.getByRole('heading', { level: 1, name: texts.contentTypes[uid].name, exact: true }),
    page.locator('tbody').getByText(texts.enumValues[shownEnumValue], { exact: true }).first(),
  ],
});

const editOf = (uid: string, field: string): Visit => ({
  name: `edit-${uid.split('.').pop()}`,
  path: (ids) => `/admin/content-manager/collection-types/${uid}/${ids[uid]}?plugins[i18n][locale]=fr`,
  // The field's label and, below the input, its hint, in the admin's language.
  ready: (page, texts) => [
    page
      .locator('label')
      .filter({ hasText: new RegExp(`^${texts.contentTypes[uid].fields[field].label}\\*?$`) })
      .first(),
    page.getByText(texts.contentTypes[uid].fields[field].hint, { exact: false }).first(),
  ],
});

const pluginPage = (name: string, route: string): Visit => ({
  name,
  path: () => `/admin/${route}`,
  ready: (page) => [page.locator('main h1').first()],
});

const VISITS: Visit[] = [
  { name: 'home', path: () => '/admin', ready: (page) => [page.locator('main h1').first()] },
  listOf('api::post.post', 'in_review'),
  editOf('api::post.post', 'editorialStatus'),
  listOf('api::campaign.campaign', 'active'),
  editOf('api::campaign.campaign', 'objective'),
  listOf('api::event.event', 'meetup'),
  editOf('api::event.event', 'kind'),
  listOf('api::partnership.partnership', 'local_authority'),
  editOf('api::partnership.partnership', 'type'),
  pluginPage('cross-post', 'plugins/cross-post'),
  pluginPage('cross-post-accounts', 'settings/cross-post/accounts'),
  pluginPage('moderation', 'plugins/moderation'),
  pluginPage('engagement', 'plugins/engagement'),
  pluginPage('engagement-campaigns', 'plugins/engagement/campaigns'),
  pluginPage('engagement-links', 'plugins/engagement/links'),
  pluginPage('engagement-partners', 'plugins/engagement/partners'),
  pluginPage('contests', 'plugins/contests'),
];

const describeMessage = (message: ConsoleMessage) =>
  `${message.type()}: ${message.text()} (${message.location().url || 'no url'})`;

describe.each([
  ['fr', fr],
  ['en', en],
] as const)('the admin in %s', (language, texts) => {
  let session: AdminSession;
  let problems: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session = await openAdmin({ seedDemo: true, language });
    for (const uid of Object.keys(CONTENT_TYPE_SCHEMAS)) {
      // The contest event, so that the edit view shows the contest component too.
      const filters = uid === 'api::event.event' ? { kind: 'contest' } : {};
      const document = await session.app.strapi.documents(uid as any).findFirst({ locale: 'fr', filters });
      ids[uid] = document.documentId;
    }
    session.page.on('console', (message) => {
      const text = message.text();
      const reported =
        text.includes('MISSING_TRANSLATION') || message.type() === 'error' || message.type() === 'warning';
      const described = describeMessage(message);
      if (reported && !STRAPI_CONSOLE_ALLOWLIST.some(({ pattern }) => pattern.test(described))) {
        problems.push(described);
      }
    });
    session.page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(VISITS.map((visit) => [visit.name, visit] as const))('%s', async (name, visit) => {
    const { page, baseUrl } = session;
    problems = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      if (width === WIDTHS[0]) {
        await page.goto(`${baseUrl}${visit.path(ids)}`);
      }
      for (const shown of visit.ready(page, texts)) await shown.waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${language}-${width}-${name}.png`),
        fullPage: true,
      });
    }

    const shown = await page.locator('body').innerText();
    const raw = [...RAW_IDENTIFIERS].filter((identifier) => new RegExp(`\\b${identifier}\\b`).test(shown));
    expect(raw).toEqual([]);
    expect(problems).toEqual([]);
  });
});
