import { measurability, type NetworkMeasures } from '../kpi-targets';

const profiles: Record<string, NetworkMeasures> = {
  mastodon: { polled: true, measures: ['reactions', 'comments', 'shares', 'quotes'], followers: true },
  x: {
    polled: true,
    measures: [
      'impressions',
      'reactions',
      'comments',
      'shares',
      'quotes',
      'bookmarks',
      'linkClicks',
      'profileClicks',
    ],
    followers: true,
  },
  discord: { polled: true, measures: ['reactions'], followers: false },
  telegram: { polled: false, measures: ['reactions'], followers: true },
};

describe('whether a KPI target can be measured on the chosen networks', () => {
  it('warns that impressions cannot be measured on Mastodon', () => {
    expect(measurability('impressions', ['mastodon'], profiles)).toEqual({
      status: 'unmeasurable',
      reason: 'not_on_these_networks',
      notMeasuredOn: ['mastodon'],
    });
  });

  it('says which networks count when only some measure it', () => {
    expect(measurability('impressions', ['mastodon', 'x'], profiles)).toEqual({
      status: 'partial',
      measuredOn: ['x'],
      notMeasuredOn: ['mastodon'],
    });
  });

  it('judges a target that names a network on that network alone', () => {
    expect(measurability('impressions', ['mastodon', 'x'], profiles, 'x')).toEqual({ status: 'measurable' });
  });

  it('counts engagements wherever any interaction is measured, but not where metrics cannot be polled', () => {
    expect(measurability('engagements', ['mastodon', 'discord'], profiles)).toEqual({ status: 'measurable' });
    expect(measurability('engagements', ['telegram'], profiles).status).toBe('unmeasurable');
  });

  it('needs every counter of a rate', () => {
    expect(measurability('ctr', ['x'], profiles)).toEqual({ status: 'measurable' });
    expect(measurability('ctr', ['mastodon'], profiles).status).toBe('unmeasurable');
  });

  it('knows followers are not measured on a Discord webhook', () => {
    expect(measurability('followers_gained', ['discord'], profiles).status).toBe('unmeasurable');
    expect(measurability('followers_gained', ['telegram'], profiles)).toEqual({ status: 'measurable' });
  });

  it('counts tracked-link clicks and contest entries first-party, and says what happens elsewhere', () => {
    expect(measurability('clicks', ['mastodon'], profiles)).toEqual({ status: 'measurable' });
    expect(measurability('contest_entries', [], profiles)).toEqual({ status: 'measurable' });
    expect(measurability('conversions', ['x'], profiles)).toEqual({
      status: 'unmeasurable',
      reason: 'external',
      notMeasuredOn: [],
    });
  });

  it('cannot measure a network KPI when no network is chosen yet', () => {
    expect(measurability('reach', [], profiles)).toEqual({
      status: 'unmeasurable',
      reason: 'no_networks',
      notMeasuredOn: [],
    });
  });
});
