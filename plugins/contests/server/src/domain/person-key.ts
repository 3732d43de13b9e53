import { normaliseEmail } from './email';
import { normalisePhone } from './phone';

/**
 * One person, one key. The email key is what the draw groups entries by; the phone key (when a
 * phone is given) is capped the same way, so a second address with the same phone is still the
 * same person.
 */
export type PersonKeys = { personKey: string; phoneKey: string | null };

export function personKeys(input: {
  email: string;
  phone?: string | null;
  country?: string | null;
}): PersonKeys {
  const phone = input.phone ? normalisePhone(input.phone, input.country) : null;
  return {
    personKey: `email:${normaliseEmail(input.email)}`,
    phoneKey: phone ? `phone:${phone}` : null,
  };
}
