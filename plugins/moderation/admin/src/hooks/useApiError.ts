/** The server's own message ("reason: is required…") rather than a generic failure. */
export const apiErrorMessage = (error: any): string =>
  error?.response?.data?.error?.message ?? error?.message ?? String(error);
