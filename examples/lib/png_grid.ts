import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/**
 * Writes rows of 28x28 grayscale images (values in [0, 1]) as one PNG, `scale` pixels per
 * image pixel, with a 2-pixel gap between images and between rows.
 */
export function writeImageGrid(path: string, rows: readonly Float32Array[], perRow: number, scale = 3): void {
  const cell = 28 * scale;
  const gap = 2;
  const width = perRow * (cell + gap) + gap;
  const height = rows.length * (cell + gap) + gap;
  const png = new PNG({ width, height });
  png.data.fill(255);
  rows.forEach((images, r) => {
    for (let k = 0; k < perRow; k++) {
      for (let y = 0; y < cell; y++) {
        for (let x = 0; x < cell; x++) {
          const v = images[k * 784 + Math.floor(y / scale) * 28 + Math.floor(x / scale)] ?? 0;
          const g = 255 - Math.round(Math.min(1, Math.max(0, v)) * 255);
          const px = gap + k * (cell + gap) + x;
          const py = gap + r * (cell + gap) + y;
          const i = (py * width + px) * 4;
          png.data[i] = g;
          png.data[i + 1] = g;
          png.data[i + 2] = g;
          png.data[i + 3] = 255;
        }
      }
    }
  });
  writeFileSync(path, PNG.sync.write(png));
}
