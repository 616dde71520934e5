import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { checkColorIcon, checkOutlineIcon } from '../../scripts/app-package/icon-checks';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/app-package/icon-drawing';
import { ROOT } from './repo';

const read = (name: string): Buffer => readFileSync(path.join(ROOT, 'appPackage', name));
const decode = (file: Buffer): PNG => PNG.sync.read(file);

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const result = [];
  for (let i = 0; i < png.data.length; i += 4) {
    result.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  }
  return result;
}

describe('the app icons', () => {
  it('when color.png is read, then it is a 192×192 full-colour, opaque image', () => {
    const png = decode(read('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every((p) => p.a === 255)).toBe(true);
    const colours = new Set(all.map((p) => `${p.r},${p.g},${p.b}`));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('when outline.png is read, then it is 32×32 with only white or fully transparent pixels', () => {
    const png = decode(read('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    const offWhite = all.filter((p) => p.a !== 0 && (p.r !== 255 || p.g !== 255 || p.b !== 255));
    expect(offWhite).toEqual([]);
    expect(all.some((p) => p.a === 255)).toBe(true);
  });

  it('when outline.png is read, then its background is transparent', () => {
    const png = decode(read('outline.png'));
    const alphaAt = (x: number, y: number): number => png.data[(y * png.width + x) * 4 + 3]!;
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ] as const)
      expect(alphaAt(x, y)).toBe(0);
    for (let i = 0; i < 32; i++) {
      expect([alphaAt(i, 0), alphaAt(0, i), alphaAt(i, 31), alphaAt(31, i)]).toEqual([0, 0, 0, 0]);
    }
    const transparent = pixels(png).filter((p) => p.a === 0).length;
    expect(transparent).toBeGreaterThan((32 * 32) / 2);
  });

  it('when the generator draws the icons again, then they are the committed ones', () => {
    expect(decode(drawColorIcon()).data.equals(decode(read('color.png')).data)).toBe(true);
    expect(decode(drawOutlineIcon()).data.equals(decode(read('outline.png')).data)).toBe(true);
  });

  it('when the packaging checks see the committed icons, then they pass', () => {
    expect(checkColorIcon(read('color.png'))).toEqual([]);
    expect(checkOutlineIcon(read('outline.png'))).toEqual([]);
  });

  it('when an outline icon has colour, an opaque background or the wrong size, then the checks fail', () => {
    const coloured = decode(read('outline.png'));
    const firstOpaque = pixels(coloured).findIndex((p) => p.a === 255);
    coloured.data[firstOpaque * 4 + 2] = 0;
    expect(checkOutlineIcon(PNG.sync.write(coloured))).toEqual([
      expect.stringContaining('1 pixels that are neither white nor fully transparent'),
    ]);

    const filled = decode(read('outline.png'));
    filled.data.fill(255);
    expect(checkOutlineIcon(PNG.sync.write(filled))).toEqual([
      expect.stringContaining('needs a transparent background'),
    ]);

    expect(checkOutlineIcon(read('color.png'))).toContainEqual(
      'outline.png is 192×192; Teams requires 32×32',
    );
    expect(checkColorIcon(read('outline.png'))).toEqual([
      'color.png is 32×32; Teams requires 192×192',
    ]);
    expect(checkColorIcon(Buffer.from('not a png'))).toEqual([
      expect.stringContaining('not a readable PNG'),
    ]);
  });
});
