import { Shield } from '@strapi/icons';

const PluginIcon = () => <Shield />;

export { PluginIcon };
