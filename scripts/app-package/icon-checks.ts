import { PNG } from 'pngjs';

/** Teams' icon rules: color.png 192×192; outline.png 32×32, white on a transparent background. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

export function checkColorIcon(file: Buffer, name = 'color.png'): string[] {
  const png = decode(file, name);
  if (typeof png === 'string') return [png];
  return checkSize(png, ICON_SIZES.color, name);
}

export function checkOutlineIcon(file: Buffer, name = 'outline.png'): string[] {
  const png = decode(file, name);
  if (typeof png === 'string') return [png];
  const problems = checkSize(png, ICON_SIZES.outline, name);
  let coloured = 0;
  let transparent = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const alpha = png.data[offset + 3] ?? 0;
    if (alpha === 0) transparent++;
    else if (
      png.data[offset] !== 255 ||
      png.data[offset + 1] !== 255 ||
      png.data[offset + 2] !== 255
    ) {
      coloured++;
    }
  }
  if (coloured > 0) {
    problems.push(
      `${name} has ${coloured} pixels that are neither white nor fully transparent; Teams requires white on transparent`,
    );
  }
  const corners = [0, png.width - 1, (png.height - 1) * png.width, png.height * png.width - 1];
  const opaqueCorner = corners.some((pixel) => (png.data[pixel * 4 + 3] ?? 0) !== 0);
  if (opaqueCorner || transparent < (png.width * png.height) / 4) {
    problems.push(
      `${name} needs a transparent background (its corners and most of its area fully transparent)`,
    );
  }
  return problems;
}

function decode(file: Buffer, name: string): PNG | string {
  try {
    return PNG.sync.read(file);
  } catch (error) {
    return `${name} is not a readable PNG (${(error as Error).message})`;
  }
}

function checkSize(png: PNG, size: number, name: string): string[] {
  return png.width === size && png.height === size
    ? []
    : [`${name} is ${png.width}×${png.height}; Teams requires ${size}×${size}`];
}
