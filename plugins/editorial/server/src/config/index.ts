import { z } from 'zod';

/** A content type that goes through the workflow: the fields whose values are sent (hashed), and what a snapshot keeps. */
const subjectSchema = z.object({
  /** Changing any of these voids an approval; together with the chosen accounts they are the approved version. */
  sentFields: z.array(z.string().min(1)).min(1),
  /** Read with the document for the snapshot (relations and components); `sentFields` are always kept. */
  populate: z.record(z.any()).default({}),
  /** Also kept in the snapshot, not hashed (what composes the message around the text, such as the campaign). */
  snapshotFields: z.array(z.string().min(1)).default([]),
  /** The document's read-only mirror of its state, for list views and filters (written by this plugin only). */
  statusField: z.string().min(1).optional(),
  /** Where a document names its campaign (a relation), for the campaign's approval rule. */
  campaignField: z.string().min(1).optional(),
});

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
  subjects: z.record(subjectSchema),
});

export type EditorialConfig = z.infer<typeof configSchema>;
export type SubjectConfig = z.infer<typeof subjectSchema>;

export const defaultConfig: EditorialConfig = {
  requiredApprovals: 1,
  allowBypass: false,
  subjects: {
    'api::post.post': {
      sentFields: ['body', 'variants', 'media', 'link', 'hashtags'],
      populate: { variants: true, media: true, campaign: { populate: { utm: true } } },
      snapshotFields: ['title', 'campaign'],
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
