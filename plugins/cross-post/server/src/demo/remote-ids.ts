/**
 * The demo history's remote ids, in each network's own shape and carrying the instant the post went
 * out, as the networks' ids do: Mastodon, X, Discord and LinkedIn ids are a timestamp shifted left,
 * a Bluesky record key is a TID. The low bits, a sequence on the networks, hold the demo's mark, so
 * the fakes of `npm run fakes` (tests/fakes/) recognise a post of the demo's past and answer for it
 * as for their own. Facebook post ids carry no time on the network; the demo's do, the same way.
 */
import type { NetworkId } from '../providers';

/**
 * The networks of the demo's past: its remote ids, audience and publication history cover these; a
 * network added since gets a demo account but no past.
 */
export const DEMO_PAST_NETWORKS = [
  'mastodon',
  'bluesky',
  'x',
  'facebook',
  'linkedin',
  'discord',
  'telegram',
] as const satisfies readonly NetworkId[];

type Snowflake = { epoch: bigint; shift: bigint; mark: bigint };

const SNOWFLAKES: Record<'mastodon' | 'x' | 'discord' | 'linkedin' | 'facebook', Snowflake> = {
  // Milliseconds << 16, then a 16-bit sequence.
  mastodon: { epoch: 0n, shift: 16n, mark: 0xd3d0n },
  // Milliseconds since the network's epoch << 22, then worker, process and sequence bits.
  x: { epoch: 1_288_834_974_657n, shift: 22n, mark: 0x3d3d0n },
  discord: { epoch: 1_420_070_400_000n, shift: 22n, mark: 0x3d3d0n },
  // Activity ids: milliseconds << 22.
  linkedin: { epoch: 0n, shift: 22n, mark: 0x3d3d0n },
  facebook: { epoch: 0n, shift: 12n, mark: 0xd3dn },
};

/** The clock id of the demo's TIDs (10 bits on the network). */
const TID_CLOCK = 0x3d3n;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** The channel the demo's Discord webhook posts in. */
export const DEMO_DISCORD_CHANNEL = '1100000000000000001';
/** A Telegram channel's id as the Bot API gives it. */
export const DEMO_TELEGRAM_CHAT_ID = '-1001234567890';

/** A demo post is only one when it went out within this long before the moment it is looked up. */
const OLDEST_DEMO_POST_MS = 400 * 86_400_000;

const encodeSnowflake = ({ epoch, shift, mark }: Snowflake, at: number) =>
  (((BigInt(at) - epoch) << shift) | mark).toString();

function decodeSnowflake({ epoch, shift, mark }: Snowflake, digits: string): number | null {
  if (!/^\d{1,20}$/.test(digits)) return null;
  const value = BigInt(digits);
  if ((value & ((1n << shift) - 1n)) !== mark) return null;
  return Number((value >> shift) + epoch);
}

function encodeTid(at: number): string {
  let value = ((BigInt(at) * 1000n) << 10n) | TID_CLOCK;
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

function decodeTid(tid: string): number | null {
  if (!/^[234567a-z]{13}$/.test(tid)) return null;
  let value = 0n;
  for (const character of tid) value = (value << 5n) | BigInt(TID_ALPHABET.indexOf(character));
  if ((value & 1023n) !== TID_CLOCK) return null;
  return Number((value >> 10n) / 1000n);
}

/** What identifies the demo account on its network, as its credentials and base URL say. */
export type DemoAccountPlace = {
  network: NetworkId;
  baseUrl: string;
  credentials: Record<string, string>;
};

/** A DID for the demo's Bluesky handle (a PDS gives one at sign-up; the demo derives its own). */
export function demoDid(handle: string): string {
  return `did:plc:${Buffer.from(handle).toString('hex').slice(0, 24).padEnd(24, '2')}`;
}

/**
 * The remote id and URL the network would have given a post of the demo account that went out at
 * `at` (Telegram's message ids count per channel: `sequence` is its number there).
 */
export function demoRemotePost(
  account: DemoAccountPlace,
  at: Date,
  sequence: number
): { remoteId: string; url: string } {
  const ms = at.getTime();
  const { credentials } = account;
  switch (account.network) {
    case 'mastodon': {
      const id = encodeSnowflake(SNOWFLAKES.mastodon, ms);
      return { remoteId: id, url: `${account.baseUrl.replace(/\/$/, '')}/@porte_voix/${id}` };
    }
    case 'x': {
      const id = encodeSnowflake(SNOWFLAKES.x, ms);
      return { remoteId: id, url: `https://x.com/i/web/status/${id}` };
    }
    case 'discord': {
      const id = encodeSnowflake(SNOWFLAKES.discord, ms);
      return { remoteId: id, url: `https://discord.com/channels/@me/${DEMO_DISCORD_CHANNEL}/${id}` };
    }
    case 'linkedin': {
      const urn = `urn:li:share:${encodeSnowflake(SNOWFLAKES.linkedin, ms)}`;
      return { remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}` };
    }
    case 'facebook': {
      const id = `${credentials.pageId}_${encodeSnowflake(SNOWFLAKES.facebook, ms)}`;
      return { remoteId: id, url: `https://www.facebook.com/${id}` };
    }
    case 'bluesky': {
      const handle = credentials.identifier;
      const rkey = encodeTid(ms);
      return {
        remoteId: `at://${demoDid(handle)}/app.bsky.feed.post/${rkey}`,
        url: `https://bsky.app/profile/${handle}/post/${rkey}`,
      };
    }
    case 'telegram': {
      const chat = credentials.chatId.replace(/^@/, '');
      return {
        remoteId: `${DEMO_TELEGRAM_CHAT_ID}:${sequence}`,
        url: `https://t.me/${chat}/${sequence}`,
      };
    }
    default:
      throw new Error(`The demo's past has no posts on ${account.network}.`);
  }
}

/**
 * When a post of the demo's past went out, read from its remote id, or null when the id is not one
 * (another shape, no demo mark, or a time out of the demo's reach from `nowMs`). Telegram's message
 * numbers carry no time: they are never read back.
 */
export function demoPublishedAt(
  network: string,
  remoteId: string,
  nowMs: number = Date.now()
): number | null {
  let at: number | null = null;
  if (network === 'bluesky') {
    const match = /^at:\/\/did:[a-z]+:[A-Za-z0-9._:-]+\/app\.bsky\.feed\.post\/([a-z2-7]{13})$/.exec(
      remoteId
    );
    at = match ? decodeTid(match[1]) : null;
  } else if (network === 'linkedin') {
    const match = /^urn:li:share:(\d+)$/.exec(remoteId);
    at = match ? decodeSnowflake(SNOWFLAKES.linkedin, match[1]) : null;
  } else if (network === 'facebook') {
    const match = /^\d+_(\d+)$/.exec(remoteId);
    at = match ? decodeSnowflake(SNOWFLAKES.facebook, match[1]) : null;
  } else if (network === 'mastodon' || network === 'x' || network === 'discord') {
    at = decodeSnowflake(SNOWFLAKES[network], remoteId);
  }
  if (at === null || at > nowMs || at < nowMs - OLDEST_DEMO_POST_MS) return null;
  return at;
}
