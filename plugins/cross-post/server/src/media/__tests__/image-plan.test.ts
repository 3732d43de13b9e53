import { planImage } from '../image-plan';
import { imageRulesFor } from '../image-rules';

const MB = 1024 * 1024;
const instagram = imageRulesFor('instagram')!;

describe('planImage', () => {
  it('keeps a JPEG that fits Instagram', () => {
    const plan = planImage({ width: 1080, height: 1350, mimeType: 'image/jpeg', bytes: MB }, instagram);
    expect(plan).toMatchObject({ keep: true, reasons: [], width: 1080, height: 1350, format: 'image/jpeg' });
  });

  it('pads a tall image to 4:5 and a wide one to 1.91:1, nothing cut', () => {
    const tall = planImage({ width: 1000, height: 3000, mimeType: 'image/jpeg', bytes: MB }, instagram);
    expect(tall).toMatchObject({ keep: false, padded: { width: 2400, height: 3000 } });
    expect(tall.reasons).toEqual(['aspect 1:3.00 padded to 1:1.25', 'scaled down to 1440 px wide']);
    expect(tall.width / tall.height).toBeCloseTo(0.8, 2);
    const wide = planImage({ width: 1200, height: 300, mimeType: 'image/jpeg', bytes: MB }, instagram);
    expect(wide.padded).toEqual({ width: 1200, height: 628 });
    expect(wide.reasons).toEqual(['aspect 4.00:1 padded to 1.91:1']);
  });

  it('scales a small image up to the width Instagram asks, converts PNG and makes a heavy JPEG lighter', () => {
    const small = planImage({ width: 200, height: 200, mimeType: 'image/png', bytes: 30_000 }, instagram);
    expect(small).toMatchObject({ width: 320, height: 320, format: 'image/jpeg' });
    expect(small.reasons).toEqual(['scaled up to 320 px wide', 'PNG converted to JPEG']);
    const heavy = planImage({ width: 1080, height: 1080, mimeType: 'image/jpeg', bytes: 9 * MB }, instagram);
    expect(heavy.reasons).toEqual(['9.0 MB made lighter as JPEG']);
  });

  it('takes any aspect for an Instagram story, and a PNG as it is on Threads and Pinterest', () => {
    const story = imageRulesFor('instagram', { publishAs: 'story' })!;
    expect(planImage({ width: 1080, height: 1920, mimeType: 'image/jpeg', bytes: MB }, story).keep).toBe(
      true
    );
    const png = { width: 1000, height: 1000, mimeType: 'image/png', bytes: MB };
    expect(planImage(png, imageRulesFor('threads')!).keep).toBe(true);
    expect(planImage(png, imageRulesFor('pinterest')!).keep).toBe(true);
    expect(imageRulesFor('mastodon')).toBeNull();
  });
});
