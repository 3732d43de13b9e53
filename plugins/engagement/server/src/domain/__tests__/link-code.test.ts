import { generateLinkCode, normaliseLinkCode } from '../link-code';

describe('link codes', () => {
  it('are lower-case letters and digits of the asked length, and do not repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i += 1) {
      const code = generateLinkCode(10);
      expect(code).toMatch(/^[a-z0-9]{10}$/);
      codes.add(code);
    }
    expect(codes.size).toBe(5000);
  });

  it('use every character about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const char of generateLinkCode(72_000)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(36);
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(300);
  });

  it('are read whatever the case, and anything else is no code', () => {
    expect(normaliseLinkCode('AbC123xyz0')).toBe('abc123xyz0');
    expect(normaliseLinkCode('../etc/passwd')).toBeNull();
    expect(normaliseLinkCode('abc')).toBeNull();
    expect(normaliseLinkCode('a'.repeat(33))).toBeNull();
  });
});
