import { PaperPlane } from '@strapi/icons';

const PluginIcon = () => <PaperPlane />;

export { PluginIcon };
