import { ChartPie } from '@strapi/icons';

const PluginIcon = () => <ChartPie />;

export { PluginIcon };
