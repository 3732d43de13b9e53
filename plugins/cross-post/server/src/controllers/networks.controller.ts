import { describeNetworks } from '../providers/catalog';

/** The networks an account can be connected to, with their fields and limits (the settings page's form). */
const networksController = () => ({
  async find(ctx) {
    ctx.body = { data: describeNetworks() };
  },
});

export default networksController;
