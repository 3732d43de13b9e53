import { DEMO } from '../../demo-accounts';
import { NETWORKS, type NetworkId } from '../../providers';
import { createTid, TID_PATTERN } from '../../utils/tid';
import { DEMO_PAST_NETWORKS, demoPublishedAt, demoRemotePost } from '../remote-ids';

const NOW = Date.UTC(2026, 11, 1, 9, 30);
const account = (network: NetworkId) => ({
  network,
  baseUrl: `http://127.0.0.1:41${NETWORKS.indexOf(network)}`,
  credentials: DEMO.find((demo) => demo.network === network)!.credentials,
});
const TIMED = DEMO_PAST_NETWORKS.filter((network) => network !== 'telegram');

describe('demo remote ids', () => {
  it.each(TIMED)('%s: the id says when the post went out, to the millisecond', (network) => {
    for (const daysAgo of [0.01, 1, 12.5, 27.9]) {
      const at = new Date(NOW - daysAgo * 86_400_000 + 123);
      const { remoteId } = demoRemotePost(account(network), at, 1);
      expect(demoPublishedAt(network, remoteId, NOW)).toBe(at.getTime());
    }
  });

  it('are shaped as each network shapes its ids, with its URLs', () => {
    const at = new Date(NOW - 3 * 86_400_000);
    const post = (network: NetworkId) => demoRemotePost(account(network), at, 4201);
    expect(post('mastodon').remoteId).toMatch(/^\d{17,19}$/);
    expect(post('mastodon').url).toBe(`http://127.0.0.1:410/@porte_voix/${post('mastodon').remoteId}`);
    expect(post('x').remoteId).toMatch(/^\d{18,19}$/);
    expect(post('x').url).toBe(`https://x.com/i/web/status/${post('x').remoteId}`);
    expect(post('discord').remoteId).toMatch(/^\d{18,19}$/);
    expect(post('linkedin').remoteId).toMatch(/^urn:li:share:\d{19}$/);
    expect(post('facebook').remoteId).toMatch(/^1647395831_\d+$/);
    const [, , did, collection, rkey] = post('bluesky').remoteId.split('/');
    expect(did).toMatch(/^did:plc:[a-z0-9]{24}$/);
    expect(collection).toBe('app.bsky.feed.post');
    expect(rkey).toMatch(TID_PATTERN);
    expect(post('bluesky').url).toBe(`https://bsky.app/profile/porte-voix.demo/post/${rkey}`);
    expect(post('telegram')).toEqual({
      remoteId: '-1001234567890:4201',
      url: 'https://t.me/porte_voix_demo/4201',
    });
  });

  it('are told apart from the ids the networks (and the fakes) give their own posts', () => {
    const own: [NetworkId, string][] = [
      ['mastodon', '110000000000000000'],
      ['mastodon', '115628541239848961'],
      ['x', '1800000000000000000'],
      ['x', '1995000000000000000'],
      ['discord', '1200000000000000000'],
      ['linkedin', 'urn:li:share:7141138937766391808'],
      ['linkedin', 'urn:li:ugcPost:7141138937766391808'],
      ['facebook', '1647395831_130068550371568'],
      ['bluesky', `at://did:plc:abc/app.bsky.feed.post/${createTid(new Date(NOW - 86_400_000))}`],
      ['telegram', '-1001234567890:4201'],
      ['mastodon', 'not-an-id'],
    ];
    for (const [network, remoteId] of own) expect(demoPublishedAt(network, remoteId, NOW)).toBeNull();
  });

  it('are a post of the demo only once it went out, and for about a year', () => {
    const { remoteId } = demoRemotePost(account('x'), new Date(NOW), 1);
    expect(demoPublishedAt('x', remoteId, NOW - 1)).toBeNull();
    expect(demoPublishedAt('x', remoteId, NOW + 300 * 86_400_000)).toBe(NOW);
    expect(demoPublishedAt('x', remoteId, NOW + 500 * 86_400_000)).toBeNull();
  });
});
