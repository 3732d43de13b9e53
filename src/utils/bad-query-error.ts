/**
 * Errors raised while running a read because the query itself is malformed: a value that does not fit its
 * column (a word where a number goes, a number beyond the column's range) or operators in places Strapi's
 * query builder does not accept. The caller's mistake, which deserves a 400, not a 500. Strapi throws
 * plain Errors for these; PostgreSQL reports SQLSTATE class 22 (data exception); SQLite a datatype mismatch.
 */
const STRAPI_CAST = /^Expected a valid (Number|BigInteger|Date|Time|DateTime)/;
const STRAPI_QUERY_BUILDER =
  /^(Only \$and, \$or and \$not can only be used as root level operators|Undefined attribute level operator|Where must be|Operator and non-operator keys cannot be mixed|Only one operator key is allowed|Populate must be an object|Invalid populate attribute|You cannot (filter|order) on|Invalid orderBy syntax|Cannot join on non relational field|Name cannot be null)/;

export function isBadQueryError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    STRAPI_CAST.test(error.message) ||
    STRAPI_QUERY_BUILDER.test(error.message) ||
    (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) ||
    code === 'SQLITE_MISMATCH'
  );
}
