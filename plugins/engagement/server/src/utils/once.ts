/** A value computed on first use and kept: settings and services that do not change while the app runs. */
export const once = <T>(compute: () => T): (() => T) => {
  let value: { computed: T } | null = null;
  return () => (value ??= { computed: compute() }).computed;
};
