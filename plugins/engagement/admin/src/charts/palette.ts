/** Series colours: each network its brand colour, others from a palette that reads on white and in print. */
const NETWORK_COLOURS: Record<string, string> = {
  mastodon: '#6364FF',
  bluesky: '#1185FE',
  x: '#14171A',
  facebook: '#0866FF',
  linkedin: '#0A66C2',
  discord: '#5865F2',
  telegram: '#229ED9',
  instagram: '#E1306C',
  threads: '#5B5B5B',
};
const PALETTE = ['#4945FF', '#EE5E52', '#328048', '#D9822F', '#7B79FF', '#0C75AF', '#AC73E6', '#666687'];

export const seriesColour = (index: number, network?: string | null) =>
  (network && NETWORK_COLOURS[network]) || PALETTE[index % PALETTE.length];
