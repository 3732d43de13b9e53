import { skipGenericOnboarding } from '../onboarding';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe("Strapi's generic onboarding", () => {
  it('turns the guided tour off and keeps the progress Strapi stored', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      'STRAPI_GUIDED_TOUR',
      JSON.stringify({ enabled: true, completedActions: ['didCreateContent'] })
    );
    skipGenericOnboarding(storage);
    expect(JSON.parse(storage.getItem('STRAPI_GUIDED_TOUR')!)).toEqual({
      enabled: false,
      completedActions: ['didCreateContent'],
    });
  });

  it('turns the guided tour off on a first visit, and survives a corrupted value', () => {
    const storage = new MemoryStorage();
    skipGenericOnboarding(storage);
    expect(JSON.parse(storage.getItem('STRAPI_GUIDED_TOUR')!)).toEqual({ enabled: false });
    storage.setItem('STRAPI_GUIDED_TOUR', '{not json');
    skipGenericOnboarding(storage);
    expect(JSON.parse(storage.getItem('STRAPI_GUIDED_TOUR')!)).toEqual({ enabled: false });
  });

  it('dismisses the Media Library announcement under the keys Strapi 5.54 reads', () => {
    const storage = new MemoryStorage();
    skipGenericOnboarding(storage);
    // `useScopedPersistentState` JSON-parses the value: 'true' is the dismissed state.
    expect(JSON.parse(storage.getItem('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false')!)).toBe(true);
    expect(JSON.parse(storage.getItem('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_true:false')!)).toBe(true);
    expect(JSON.parse(storage.getItem('STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:undefined')!)).toBe(
      true
    );
  });
});
