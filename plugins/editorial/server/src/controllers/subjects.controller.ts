import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';

/** The types under review, for the admin: which edit views get the review panel. */
const subjectsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    const subjects = getService(strapi, 'subjects');
    ctx.body = {
      data: subjects.types().map((uid) => ({ uid, when: subjects.configOf(uid)?.when ?? null })),
    };
  },
});

export default subjectsController;
