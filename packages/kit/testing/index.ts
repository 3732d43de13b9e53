/** What every plugin's tests share. */
export * from './translations';
