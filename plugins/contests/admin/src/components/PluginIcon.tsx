import { Gift } from '@strapi/icons';

const PluginIcon = () => <Gift />;

export { PluginIcon };
