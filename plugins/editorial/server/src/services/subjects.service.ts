/**
 * The documents under review, read the way they will be sent: one locale's draft with what the
 * snapshot needs, its version hash and texts. The only code that reads the subjects' own tables.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { resolveSubjects, type SubjectConfig } from '../config';
import { textsOf, valueAt, versionHash, type TextFields, type VersionTexts } from '../domain/version';
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
  // Resolved once per configuration object: every write of every document asks.
  let resolved: { from: unknown; subjects: Record<string, SubjectConfig> } | null = null;
  const subjects = () => {
    const configured = strapi.plugin(PLUGIN_ID).config('subjects') as Record<string, unknown>;
    if (resolved?.from !== configured) resolved = { from: configured, subjects: resolveSubjects(configured) };
    return resolved.subjects;
  };

  /** Whether this document takes part (a type's `when`: events only when they are contests). */
  const applies = (subject: SubjectConfig, document: Record<string, unknown> | null | undefined) =>
    !subject.when || subject.when.in.includes(String(valueAt(document, subject.when.field) ?? ''));

  return {
    applies,

    /** The types under review, for the admin (which edit views get the review panel). */
    types: () => Object.keys(subjects()),

    /** The hash a document of `uid` would have as a version for `accountIds` (another version of it, e.g. the published one). */
    hashOf(uid: string, document: Record<string, unknown>, accountIds: number[]): string {
      return versionHash(document, this.requireSubject(uid).sentFields, accountIds);
    },

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
      if (!applies(subject, document))
        throw new errors.ValidationError(
          `This document does not go through editorial approval (its ${subject.when!.field} is not ${subject.when!.in.join(' or ')}).`,
          { reason: 'not_reviewed_document', field: subject.when!.field }
        );
      const snapshot: Record<string, unknown> = { locale: document.locale ?? key.locale };
      for (const field of [...subject.sentFields, ...subject.snapshotFields])
        snapshot[field] = valueAt(document, field) ?? null;
      const campaign = subject.campaignField ? document[subject.campaignField] : null;
      return {
        hash: versionHash(document, subject.sentFields, accountIds),
        texts: textsOf(document, subject.textFields as TextFields | undefined),
        // Posts and events have a title, campaigns a name.
        title:
          typeof (document.title ?? document.name) === 'string'
            ? String(document.title ?? document.name).slice(0, 255)
            : null,
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
