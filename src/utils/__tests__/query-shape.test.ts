import {
  containsNul,
  misusedBetween,
  misusedLogicalOperator,
  nestingDepth,
  populateDepth,
} from '../query-shape';

describe('how deep a populate goes', () => {
  it.each([
    [undefined, 0],
    ['*', 1],
    ['campaign,partners', 1],
    ['campaign.posts', 2],
    [['campaign', 'partners.events.campaign'], 3],
    [{ campaign: 'true' }, 1],
    [{ contest: { populate: ['prizes'] }, partners: 'true' }, 2],
    [{ campaign: { populate: { posts: { populate: { campaign: { populate: '*' } } } } } }, 4],
    [{ blocks: { on: { 'shared.place': { populate: { cover: 'true' } } } } }, 2],
  ])('%j reaches %i levels', (populate, depth) => {
    expect(populateDepth(populate)).toBe(depth);
  });
});

describe('how deep filters nest', () => {
  it('counts keys, not array positions', () => {
    expect(nestingDepth({ title: { $eq: 'x' } })).toBe(2);
    expect(nestingDepth({ $or: [{ slug: { $eq: 'a' } }, { campaign: { slug: { $eq: 'b' } } }] })).toBe(4);
    expect(nestingDepth('x')).toBe(0);
  });
});

describe('NUL characters', () => {
  it('are found in values and keys, however deep', () => {
    expect(containsNul({ filters: { title: { $eq: 'a\u0000b' } } })).toBe(true);
    expect(containsNul({ filters: { ['ti\u0000tle']: 'x' } })).toBe(true);
    expect(containsNul({ sort: ['title:asc'] })).toBe(false);
  });
});

describe('misusedLogicalOperator', () => {
  it('names a logical operator given something other than conditions', () => {
    expect(misusedLogicalOperator({ $and: '0' })).toBe('filters[$and]');
    expect(misusedLogicalOperator({ $or: ['x'] })).toBe('filters[$or]');
    expect(misusedLogicalOperator({ title: { $not: 'a' } })).toBe('filters[title][$not]');
    expect(misusedLogicalOperator({ $or: [{ $and: 5 }] })).toBe('filters[$or][0][$and]');
  });

  it('accepts lists of conditions, as arrays or as qs objects past its array limit', () => {
    expect(misusedLogicalOperator({ $or: [{ title: { $eq: 'a' } }, { slug: { $eq: 'b' } }] })).toBeNull();
    expect(
      misusedLogicalOperator({ $and: { 0: { title: { $eq: 'a' } }, 25: { id: { $gt: 1 } } } })
    ).toBeNull();
    expect(misusedLogicalOperator({ title: { $not: { $eq: 'a' } } })).toBeNull();
    expect(misusedLogicalOperator(undefined)).toBeNull();
  });
});

describe('misusedBetween', () => {
  it('names a $between that is not two bounds (the query builder would answer a 500)', () => {
    expect(misusedBetween({ events: { $between: '' } })).toBe('filters[events][$between]');
    expect(misusedBetween({ price: { $between: ['1'] } })).toBe('filters[price][$between]');
    expect(misusedBetween({ $or: [{ price: { $between: ['1', '2', '3'] } }] })).toBe(
      'filters[$or][0][price][$between]'
    );
  });

  it('accepts two bounds', () => {
    expect(misusedBetween({ price: { $between: ['1', '9'] } })).toBeNull();
    expect(misusedBetween({ title: { $eq: 'a' } })).toBeNull();
  });
});
