import type { Core } from '@strapi/strapi';

import { AUDIT_UID } from './utils/uids';

/**
 * The audit log is append-only at the database level too: whatever path a write takes (another
 * plugin, a script, the Content Manager), updating or deleting an entry fails.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  const refuse = () => {
    throw new Error('Moderation audit entries are append-only: they cannot be changed or deleted');
  };
  strapi.db.lifecycles.subscribe({
    models: [AUDIT_UID],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
};

export default register;
