import type { ModerationSettings } from '../config/schema';

/**
 * Webhook and scorer URLs often carry their credential (a token in the path or the query, a
 * user:password): they never leave the server whole, in a response, a log line or the audit log.
 * What is shown is the scheme and host, enough to recognise the service.
 */
const HIDDEN = '••••••';

export function maskUrl(url: string): string {
  if (url === '') return '';
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}/${HIDDEN}`;
  } catch {
    return HIDDEN;
  }
}

type SecretPath = readonly [section: 'notifications' | 'externalScorer', key: 'webhookUrl' | 'url'];
const SECRET_PATHS: SecretPath[] = [
  ['notifications', 'webhookUrl'],
  ['externalScorer', 'url'],
];

const read = (settings: any, [section, key]: SecretPath): unknown => settings?.[section]?.[key];

/** The settings as an admin sees them: every secret URL masked. */
export function maskSettings<T extends Partial<ModerationSettings>>(settings: T): T {
  const masked: any = { ...settings };
  for (const path of SECRET_PATHS) {
    const value = read(settings, path);
    if (typeof value === 'string') masked[path[0]] = { ...masked[path[0]], [path[1]]: maskUrl(value) };
  }
  return masked;
}

/**
 * A change sent back by the settings page holds the masked URLs it was shown: those mean "keep
 * the saved one", anything else replaces it.
 */
export function keepMaskedSecrets(patch: unknown, current: ModerationSettings): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const kept: any = { ...patch };
  for (const path of SECRET_PATHS) {
    const sent = read(patch, path);
    const saved = read(current, path) as string;
    if (typeof sent === 'string' && sent !== '' && sent === maskUrl(saved)) {
      kept[path[0]] = { ...kept[path[0]], [path[1]]: saved };
    }
  }
  return kept;
}

/** A message that may quote a secret URL (an error from fetch), with the URL masked. */
export function redactUrl(message: string, url: string): string {
  return url ? message.split(url).join(maskUrl(url)) : message;
}
