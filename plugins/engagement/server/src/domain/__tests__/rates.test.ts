import { clickThroughRate, engagementRate } from '../rates';
import { interactions } from '../counters';

const mastodonPost = {
  impressions: null,
  reach: null,
  reactions: 12,
  shares: 3,
  comments: 2,
  quotes: 1,
  bookmarks: null,
};
const xPost = {
  impressions: 2000,
  reach: null,
  reactions: 40,
  shares: 5,
  comments: 5,
  quotes: 0,
  bookmarks: 2,
  linkClicks: 8,
};

describe('interactions', () => {
  it('adds what the network measures and skips what it does not', () => {
    expect(interactions(mastodonPost)).toBe(18);
    expect(interactions(xPost)).toBe(60);
  });
  it('is absent, not 0, when nothing is measured', () => {
    expect(interactions({ impressions: 10, reactions: null, comments: null })).toBeNull();
  });
  it('is 0 when the network measured zero interactions', () => {
    expect(interactions({ reactions: 0, comments: 0 })).toBe(0);
  });
});

describe('engagement rate', () => {
  it('names its denominator', () => {
    expect(engagementRate(xPost, 'impressions')).toEqual({
      value: 0.03,
      numerator: 'interactions',
      denominator: 'impressions',
    });
    expect(engagementRate(mastodonPost, 'followers', 600)).toEqual({
      value: 0.03,
      numerator: 'interactions',
      denominator: 'followers',
    });
  });
  it('is absent when the denominator is unknown or zero, never 0', () => {
    expect(engagementRate(mastodonPost, 'impressions')).toBeNull();
    expect(engagementRate(xPost, 'reach')).toBeNull();
    expect(engagementRate(xPost, 'followers', null)).toBeNull();
    expect(engagementRate({ ...xPost, impressions: 0 }, 'impressions')).toBeNull();
  });
});

describe('click-through rate', () => {
  it('is link clicks over impressions', () => {
    expect(clickThroughRate(xPost)).toEqual({
      value: 0.004,
      numerator: 'linkClicks',
      denominator: 'impressions',
    });
  });
  it('is absent when clicks or impressions are not measured', () => {
    expect(clickThroughRate(mastodonPost)).toBeNull();
    expect(clickThroughRate({ impressions: 100, linkClicks: null })).toBeNull();
  });
});
