import { devSecret } from '../dev-secrets';

describe('development secrets', () => {
  it('are stable and distinct per name, so sessions survive a restart', () => {
    expect(devSecret('admin-jwt')).toBe(devSecret('admin-jwt'));
    expect(devSecret('admin-jwt')).not.toBe(devSecret('api-token-salt'));
  });
});
