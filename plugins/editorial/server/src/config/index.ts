import { z } from 'zod';

const fieldPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a field name or path, e.g. contest.rules');

/** A content type that goes through the workflow: the fields whose values are sent (hashed), and what a snapshot keeps. */
const subjectSchema = z.object({
  /**
   * Changing any of these voids an approval; together with the chosen accounts they are the approved
   * version. A path reaches into a component: `contest.rules` (then `populate` must read it).
   */
  sentFields: z.array(fieldPath).min(1),
  /** The text a reviewer reads and the history diffs: the master text and, for posts, each network's variant. */
  textFields: z.object({ body: fieldPath, variants: fieldPath.nullish() }).optional(),
  /** Only documents whose `field` holds one of `in` take part (events: only contests); all when unset. */
  when: z.object({ field: z.string().min(1), in: z.array(z.string()).min(1) }).optional(),
  /** Read with the document for the snapshot (relations and components); `sentFields` are always kept. */
  populate: z.record(z.any()).default({}),
  /** Also kept in the snapshot, not hashed (what composes the message around the text, such as the campaign). */
  snapshotFields: z.array(z.string().min(1)).default([]),
  /** The document's read-only mirror of its state, for list views and filters (written by this plugin only). */
  statusField: z.string().min(1).optional(),
  /** Where a document names its campaign (a relation), for the campaign's approval rule. */
  campaignField: z.string().min(1).optional(),
});

/**
 * Ready-made opt-ins for Porte-voix's other content types, to put in `subjects` (see the README): a
 * contest's rules text (events of kind contest), a campaign's brief.
 */
const PRESET_SUBJECTS = {
  'api::event.event': {
    sentFields: ['contest.rules'],
    populate: { contest: true, campaign: true },
    textFields: { body: 'contest.rules' },
    when: { field: 'kind', in: ['contest'] },
    campaignField: 'campaign',
  },
  'api::campaign.campaign': {
    sentFields: ['description'],
    textFields: { body: 'description' },
  },
} satisfies Record<string, z.input<typeof subjectSchema>>;

export const configSchema = z.object({
  /** Approvals a version needs when its campaign has no rule of its own (1 or 2). */
  requiredApprovals: z.number().int().min(1).max(2),
  /**
   * Whether the `bypass` permission can be used at all. Off by default: then nobody, super admins
   * included, sends what was not approved. A solo team turns it on and grants `bypass` to a role.
   */
  allowBypass: z.boolean(),
  /** The admin's address, for links in e-mails (defaults to the server's admin URL). */
  adminUrl: z.string().url().optional(),
  /**
   * The content types under review: a full description, or `true` for a type this plugin knows
   * (`api::event.event`: a contest's rules; `api::campaign.campaign`: its brief), `false` for none.
   */
  subjects: z.record(z.union([z.boolean(), subjectSchema])).superRefine((subjects, ctx) => {
    for (const [uid, value] of Object.entries(subjects))
      if (value === true && !(uid in PRESET_SUBJECTS))
        ctx.addIssue({
          code: 'custom',
          path: [uid],
          message: `no ready-made description for ${uid}: describe its sentFields (known: ${Object.keys(PRESET_SUBJECTS).join(', ')})`,
        });
  }),
  /** The e-mail digest of notifications: one e-mail per person per period, with what accrued since. */
  digest: z.object({
    /** The length of a period, in minutes (60: hourly): at most one digest per person per period. */
    intervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    /** Whether this instance sends digests on its own; off, none are e-mailed (the admin's notices stay). */
    enabled: z.boolean(),
    /** How often each instance looks for a new period, in seconds: the first look in a period sends. */
    checkSeconds: z.number().int().min(1).max(3600),
  }),
});

export type EditorialConfig = z.infer<typeof configSchema>;
export type SubjectConfig = z.infer<typeof subjectSchema>;

/** A subject's description with its defaults filled (`true` in the config becomes the preset). */
export function resolveSubjects(subjects: Record<string, unknown>): Record<string, SubjectConfig> {
  const resolved: Record<string, SubjectConfig> = {};
  for (const [uid, value] of Object.entries(subjects ?? {})) {
    if (value === false || value == null) continue;
    const description = value === true ? PRESET_SUBJECTS[uid as keyof typeof PRESET_SUBJECTS] : value;
    if (description) resolved[uid] = subjectSchema.parse(description);
  }
  return resolved;
}

export const defaultConfig: EditorialConfig = {
  requiredApprovals: 1,
  allowBypass: false,
  digest: { intervalMinutes: 60, enabled: true, checkSeconds: 60 },
  subjects: {
    'api::post.post': {
      sentFields: ['body', 'variants', 'media', 'link', 'hashtags'],
      populate: { variants: true, media: true, campaign: { populate: { utm: true } } },
      snapshotFields: ['title', 'campaign'],
      textFields: { body: 'body', variants: 'variants' },
      statusField: 'editorialStatus',
      campaignField: 'campaign',
    },
  },
};

/**
 * `config/plugins.ts` → `editorial.config`. A wrong value stops the app at boot with the path of
 * the mistake.
 */
export default {
  default: defaultConfig,
  validator(config: unknown) {
    const parsed = configSchema.safeParse(config);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new Error(`Invalid editorial config in config/plugins.ts: ${issues.join('; ')}`);
    }
  },
};
