/**
 * The one write hook of the workflow (a Document Service middleware, whoever writes: the content
 * manager, the content API, another plugin). Before a write: the status field is read-only, only
 * the workflow moves it. After it: the workflow learns who changed what will be sent, which voids
 * an approval of another version.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { adminActor, type Actor } from '@porte-voix/kit/server';

import { getService } from '../utils/get-service';

const WRITES = new Set(['create', 'update']);

/** Who is writing: the admin user of the request, someone on the content API, or the app itself. */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as any;
  const user = ctx?.state?.user;
  if (!user) return { type: 'system', id: null, name: null };
  if (ctx.state.auth?.strategy?.name === 'admin') return adminActor(user);
  return { type: 'public', id: null, name: user.username ?? user.email ?? null };
}

export const editorialWriteHook =
  (strapi: Core.Strapi) =>
  async (ctx: { uid: string; action: string; params: any }, next: () => Promise<unknown>) => {
    const subjects = getService(strapi, 'subjects');
    const subject = subjects.configOf(ctx.uid);
    if (!subject || !WRITES.has(ctx.action)) return next();

    const locale: string = ctx.params?.locale ?? (await subjects.defaultLocale());
    const field = subject.statusField;
    const data = ctx.params?.data;
    if (field && data && typeof data === 'object' && field in data) {
      const documentId = ctx.action === 'update' ? ctx.params.documentId : null;
      const stored = documentId ? await subjects.storedStatus({ uid: ctx.uid, documentId, locale }) : null;
      const value = data[field];
      if (value != null && value !== (stored ?? 'draft'))
        throw new errors.ValidationError(
          `${field} is not editable: submit, approve or send back the post from its review panel.`,
          { reason: 'status_read_only', field }
        );
      delete data[field];
    }

    const result = (await next()) as { documentId?: string; locale?: string } | null;
    if (result?.documentId && subjects.applies(subject, result as Record<string, unknown>)) {
      await getService(strapi, 'workflow').afterWrite(
        { uid: ctx.uid, documentId: result.documentId, locale: result.locale ?? locale },
        currentActor(strapi)
      );
    }
    return result;
  };
