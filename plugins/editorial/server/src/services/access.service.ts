/** What an admin may do with a review, from their RBAC ability and the plugin's settings. */
import type { Core } from '@strapi/strapi';

import { ACTIONS } from '../permissions';
import { PLUGIN_ID } from '../plugin-id';

type Ability = { can: (action: string) => boolean } | undefined | null;

const accessService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Bypass needs the setting turned on (it is off by default) and the `bypass` permission. */
  mayBypass(ability: Ability): boolean {
    return Boolean(strapi.plugin(PLUGIN_ID).config('allowBypass')) && Boolean(ability?.can(ACTIONS.bypass));
  },

  allowed(ability: Ability) {
    const can = (action: string) => Boolean(ability?.can(action));
    return {
      submit: can(ACTIONS.submit),
      approve: can(ACTIONS.approve),
      comment: can(ACTIONS.read),
      bypass: this.mayBypass(ability),
    };
  },
});

export type AccessService = ReturnType<typeof accessService>;
export default accessService;
