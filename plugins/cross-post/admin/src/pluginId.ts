export const PLUGIN_ID = 'cross-post';
