/** What every plugin's server shares; each plugin's build bundles it. */
export * from './audit-log';
export * from './custom-field-values';
export * from './database-clock';
export * from './leases';
export * from './rate-limited';
export * from './model';
export * from './page';
export * from './parse';
export * from './permissions';
export * from './rate-windows';
export * from './raw-results';
export * from './ticker';
