import { humanize } from '../admin-layouts';

describe('field labels in the content manager', () => {
  it.each([
    ['editorialStatus', 'Editorial status'],
    ['plannedAt', 'Planned at'],
    ['title', 'Title'],
    ['utm', 'UTM'],
    ['kpiTargets', 'KPI targets'],
    ['onlineUrl', 'Online URL'],
  ])('%s reads as "%s"', (field, label) => {
    expect(humanize(field)).toBe(label);
  });
});
