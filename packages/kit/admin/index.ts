/** What every plugin's admin shares; each plugin's build bundles it. */
export * from './register';
export * from './useApiError';
export * from './useReasonText';
export * from './useT';
export * from './usePermittedActions';
