import { PNG } from 'pngjs';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A filled region in pixel coordinates; the last shape covering a point paints it. */
export interface Shape {
  covers(x: number, y: number): boolean;
  color: Rgba;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };
export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
const TEAMS_BLUE: Rgba = { r: 0x0f, g: 0x6c, b: 0xbd, a: 255 };
const CHECK_GREEN: Rgba = { r: 0x10, g: 0x7c, b: 0x10, a: 255 };

/** Teams' 192×192 full-colour icon: a white envelope with a green check badge on Teams blue. */
export function drawColorIcon(): Buffer {
  return encodePng(
    rasterize(192, TEAMS_BLUE, [
      roundedRect(38, 54, 154, 138, 8, WHITE),
      polyline(
        [
          [44, 62],
          [96, 102],
          [148, 62],
        ],
        8,
        TEAMS_BLUE,
      ),
      circle(146, 134, 38, TEAMS_BLUE),
      circle(146, 134, 31, CHECK_GREEN),
      polyline(
        [
          [130, 135],
          [141, 146],
          [162, 122],
        ],
        9,
        WHITE,
      ),
    ]),
  );
}

/** Teams' 32×32 outline icon: the same design in white lines on a transparent background. */
export function drawOutlineIcon(): Buffer {
  return encodePng(
    rasterize(32, TRANSPARENT, [
      difference(roundedRect(2, 7, 27, 25, 2, WHITE), roundedRect(4, 9, 25, 23, 0.5, WHITE)),
      polyline(
        [
          [3.5, 8.5],
          [14.5, 17],
          [25.5, 8.5],
        ],
        2,
        WHITE,
      ),
      circle(24.5, 23.5, 8, TRANSPARENT),
      polyline(
        [
          [20.5, 23.5],
          [23.5, 26.5],
          [29, 20.5],
        ],
        2.5,
        WHITE,
      ),
    ]),
  );
}

/** Paints shapes over a background, anti-aliased by sampling each pixel `samples²` times. */
export function rasterize(size: number, background: Rgba, shapes: Shape[], samples = 4): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const color = shapes.findLast((shape) => shape.covers(px, py))?.color ?? background;
          red += color.r * color.a;
          green += color.g * color.a;
          blue += color.b * color.a;
          alpha += color.a;
        }
      }
      const offset = (y * size + x) * 4;
      const count = samples * samples;
      png.data[offset] = alpha === 0 ? 0 : Math.round(red / alpha);
      png.data[offset + 1] = alpha === 0 ? 0 : Math.round(green / alpha);
      png.data[offset + 2] = alpha === 0 ? 0 : Math.round(blue / alpha);
      png.data[offset + 3] = Math.round(alpha / count);
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

function roundedRect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number,
  color: Rgba,
): Shape {
  return {
    color,
    covers: (x, y) => {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
      const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
      return dx * dx + dy * dy <= radius * radius;
    },
  };
}

function circle(cx: number, cy: number, radius: number, color: Rgba): Shape {
  return { color, covers: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius };
}

/** A stroked path with round caps and joins: every point within width/2 of a segment. */
function polyline(points: [number, number][], width: number, color: Rgba): Shape {
  const segments = points.slice(1).map((end, i) => [points[i] ?? end, end] as const);
  const reach = (width / 2) ** 2;
  return {
    color,
    covers: (x, y) => segments.some(([a, b]) => distanceToSegmentSquared(x, y, a, b) <= reach),
  };
}

function difference(outer: Shape, hole: Shape): Shape {
  return { color: outer.color, covers: (x, y) => outer.covers(x, y) && !hole.covers(x, y) };
}

function distanceToSegmentSquared(
  x: number,
  y: number,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2;
}
