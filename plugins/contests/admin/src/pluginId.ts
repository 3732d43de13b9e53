export const PLUGIN_ID = 'contests';
