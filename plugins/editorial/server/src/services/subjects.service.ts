/**
 * The documents under review, read the way they will be sent: one locale's draft with what the
 * snapshot needs, its version hash and texts. The only code that reads the subjects' own tables.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { SubjectConfig } from '../config';
import { textsOf, versionHash, type VersionTexts } from '../domain/version';
import { PLUGIN_ID } from '../plugin-id';
import type { ReviewStatus, SubjectKey } from '../repositories/reviews.repository';

export type LoadedVersion = {
  hash: string;
  texts: VersionTexts;
  title: string | null;
  campaignDocumentId: string | null;
  /** What the sender needs to compose the message: the sent fields and the snapshot fields. */
  snapshot: Record<string, unknown>;
};

const subjectsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const subjects = () => strapi.plugin(PLUGIN_ID).config('subjects') as Record<string, SubjectConfig>;

  return {
    /** The configuration of a type under review; undefined when the type does not take part. */
    configOf(uid: string): SubjectConfig | undefined {
      return subjects()[uid];
    },

    /** Refuses a type that does not take part (a 400 that names it). */
    requireSubject(uid: string): SubjectConfig {
      const subject = subjects()[uid];
      if (!subject)
        throw new errors.ValidationError(`${uid} does not go through editorial approval.`, {
          reason: 'not_reviewed_type',
          field: 'type',
        });
      return subject;
    },

    async defaultLocale(): Promise<string> {
      try {
        return (await strapi.plugin('i18n').service('locales').getDefaultLocale()) ?? 'fr';
      } catch {
        return 'fr';
      }
    },

    /** The draft of one locale, as it would be sent to `accountIds`; null when that locale does not exist. */
    async load(key: SubjectKey, accountIds: number[]): Promise<LoadedVersion | null> {
      const subject = this.requireSubject(key.uid);
      const document = (await strapi.documents(key.uid as any).findOne({
        documentId: key.documentId,
        locale: key.locale,
        status: 'draft',
        populate: subject.populate as any,
      })) as Record<string, any> | null;
      if (!document) return null;
      const snapshot: Record<string, unknown> = { locale: document.locale ?? key.locale };
      for (const field of [...subject.sentFields, ...subject.snapshotFields])
        snapshot[field] = document[field] ?? null;
      const campaign = subject.campaignField ? document[subject.campaignField] : null;
      return {
        hash: versionHash(document, subject.sentFields, accountIds),
        texts: textsOf(document),
        title: typeof document.title === 'string' ? document.title.slice(0, 255) : null,
        campaignDocumentId: campaign?.documentId ?? null,
        snapshot: JSON.parse(JSON.stringify(snapshot)),
      };
    },

    /** Keeps the document's read-only status field in step (list views filter on it); bypasses the write guard. */
    async mirrorStatus(key: SubjectKey, status: ReviewStatus): Promise<void> {
      const field = subjects()[key.uid]?.statusField;
      if (!field) return;
      await strapi.db
        .query(key.uid as any)
        .updateMany({ where: { documentId: key.documentId, locale: key.locale }, data: { [field]: status } });
    },

    /** The stored value of the status field (drafts and published rows carry the same). */
    async storedStatus(key: SubjectKey): Promise<string | null> {
      const field = subjects()[key.uid]?.statusField;
      if (!field) return null;
      const row = await strapi.db
        .query(key.uid as any)
        .findOne({ where: { documentId: key.documentId, locale: key.locale }, select: [field] });
      return (row as any)?.[field] ?? null;
    },
  };
};

export type SubjectsService = ReturnType<typeof subjectsService>;
export default subjectsService;
