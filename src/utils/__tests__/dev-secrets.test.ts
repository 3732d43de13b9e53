import { devSecret } from '../dev-secrets';

describe('development secrets', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('are stable and distinct per name, so sessions survive a restart', () => {
    process.env.NODE_ENV = 'development';
    expect(devSecret('admin-jwt')).toBe(devSecret('admin-jwt'));
    expect(devSecret('admin-jwt')).not.toBe(devSecret('api-token-salt'));
  });

  it('do not exist in production', () => {
    process.env.NODE_ENV = 'production';
    expect(devSecret('admin-jwt')).toBeUndefined();
  });
});
