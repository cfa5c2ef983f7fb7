// Share images (issue 14): palette PNG at 1200 px, same bytes every time (the build cache and
// the determinism test rely on it), and much smaller than resvg's own RGBA PNG.
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { renderSharePng } from '../../scripts/share-png.ts';
import { siteShareSvg } from '../../src/view/share-image.ts';
import { runPipeline } from '../../src/pipeline/site.ts';

describe('share image PNG', () => {
  const svg = siteShareSvg(runPipeline(process.cwd()).site);
  it('is a 1200×630 indexed-colour PNG, byte-identical on a second render, smaller than RGBA', async () => {
    const a = Buffer.from(await renderSharePng(svg));
    expect(a.subarray(1, 4).toString()).toBe('PNG');
    expect([a.readUInt32BE(16), a.readUInt32BE(20)]).toEqual([1200, 630]);
    // IHDR colour type 3 = palette.
    expect(a[25]).toBe(3);
    expect(Buffer.from(await renderSharePng(svg)).equals(a)).toBe(true);
    const rgba = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
    expect(a.length).toBeLessThan(rgba.length * 0.7);
  });
});
