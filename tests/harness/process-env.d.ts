export function restoreProcessEnv(saved: NodeJS.ProcessEnv): void;
