/** "Camille Durand-Petit" → "Camille D.": how a winner who agreed to it is shown in public. */
export function publicDisplayName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [first, ...rest] = words;
  const last = rest.find((word) => /\p{L}/u.test(word));
  return last ? `${first} ${last.match(/\p{L}/u)![0].toUpperCase()}.` : first;
}
