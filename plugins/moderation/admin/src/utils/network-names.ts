/** Networks' names as each brand writes them (never translated); an unknown id is shown as it is. */
const NAMES: Record<string, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  discord: 'Discord',
  telegram: 'Telegram',
  instagram: 'Instagram',
  youtube: 'YouTube',
  pinterest: 'Pinterest',
  threads: 'Threads',
  wordpress: 'WordPress',
  discourse: 'Discourse',
};

export const networkName = (network: string): string => NAMES[network] ?? network;
