import { DEMO, demoPort } from '../../demo-accounts';
import { NETWORKS, isNetworkId, providerFor, providers } from '..';
import accountType from '../../content-types/social-account';

describe('the provider registry', () => {
  it('files each provider under its own network id', () => {
    for (const network of NETWORKS) expect(providers[network].network).toBe(network);
  });

  it('is the account schema’s network enum', () => {
    expect(accountType.schema.attributes.network.enum).toEqual(NETWORKS);
  });

  it('gives every network a demo account on its own port, 4101 on', () => {
    expect(DEMO.map((demo) => demo.network)).toEqual(NETWORKS);
    expect(NETWORKS.map(demoPort)).toEqual(NETWORKS.map((_, i) => 4101 + i));
    for (const demo of DEMO) expect(Object.keys(demo.credentials).length).toBeGreaterThan(0);
  });

  it('refuses a network it does not know', () => {
    expect(isNetworkId('myspace')).toBe(false);
    expect(() => providerFor('myspace')).toThrow(/No cross-post provider/);
  });
});
