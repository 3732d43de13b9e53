import { errors } from '@strapi/utils';
import { z } from 'zod';

import { parse } from '../parse';

const body = z.object({ name: z.string().min(1), count: z.number().int() }).strict();

const refusal = (value: unknown, hint?: { reason?: string; hint?: string }) => {
  try {
    parse(body, value, hint);
  } catch (error) {
    return error as InstanceType<typeof errors.ValidationError>;
  }
  throw new Error('parse accepted it');
};

describe('parse', () => {
  it('answers the parsed value', () => {
    expect(parse(body, { name: 'a', count: 2 })).toEqual({ name: 'a', count: 2 });
  });

  it('refuses with a 400 naming every field at fault, the first as `field`', () => {
    const error = refusal({ name: '', count: 1.5 });
    expect(error).toBeInstanceOf(errors.ValidationError);
    expect(error.message).toMatch(/^name: .+; count: .+\.$/);
    expect(error.details).toMatchObject({
      reason: 'invalid_input',
      field: 'name',
      issues: [{ path: 'name' }, { path: 'count' }],
    });
  });

  it('says the reason and the hint the caller gives', () => {
    const error = refusal({}, { reason: 'bad_entry', hint: 'Send a name and a count.' });
    expect(error.details).toMatchObject({ reason: 'bad_entry' });
    expect(error.message).toMatch(/\. Send a name and a count\.$/);
  });

  it('never sends angle brackets back from the caller’s own keys', () => {
    const error = refusal({ name: 'a', count: 1, '<script>': 1 });
    expect(error.message).not.toMatch(/[<>]/);
    expect(JSON.stringify(error.details)).not.toMatch(/[<>]/);
  });
});
