export const PLUGIN_ID = 'engagement';
