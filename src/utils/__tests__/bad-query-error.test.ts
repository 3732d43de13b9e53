import { isBadQueryError } from '../bad-query-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a malformed query', () => {
  it('is recognised from Strapi, PostgreSQL and SQLite', () => {
    expect(
      isBadQueryError(
        new Error('Only $and, $or and $not can only be used as root level operators. Found $in.')
      )
    ).toBe(true);
    expect(isBadQueryError(new Error('Undefined attribute level operator $nope'))).toBe(true);
    expect(isBadQueryError(new Error('Expected a valid Number, got abc'))).toBe(true);
    expect(isBadQueryError(withCode('value "1e20" is out of range for type integer', '22003'))).toBe(true);
    expect(isBadQueryError(withCode('invalid input syntax for type integer: "abc"', '22P02'))).toBe(true);
    expect(isBadQueryError(withCode('datatype mismatch', 'SQLITE_MISMATCH'))).toBe(true);
  });

  it('is not confused with a real failure', () => {
    expect(isBadQueryError(withCode('connection refused', 'ECONNREFUSED'))).toBe(false);
    expect(isBadQueryError(withCode('relation "posts" does not exist', '42P01'))).toBe(false);
    expect(isBadQueryError(new TypeError('x is undefined'))).toBe(false);
    expect(isBadQueryError('Expected a valid Number')).toBe(false);
  });
});
