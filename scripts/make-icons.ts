/**
 * Draws the add-in's icons (a score sheet with a check mark) at every size the manifest
 * names, as PNG, with no image library: a tiny PNG encoder over node:zlib.
 */
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (b: Buffer) => {
  let c = -1;
  for (const x of b) c = CRC[(c ^ x) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const GREEN: [number, number, number, number] = [33, 115, 70, 255];
const WHITE: [number, number, number, number] = [255, 255, 255, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

function icon(size: number) {
  return png(size, (px, py) => {
    const x = (px + 0.5) / size,
      y = (py + 0.5) / size;
    const inSheet = x > 0.12 && x < 0.88 && y > 0.08 && y < 0.92;
    if (!inSheet) return CLEAR;
    // A check mark: two strokes.
    const d1 = Math.abs(y - 0.55 - (x - 0.3)) / Math.SQRT2,
      d2 = Math.abs(y - 0.75 + (x - 0.45)) / Math.SQRT2;
    const w = Math.max(0.06, 1.5 / size);
    if ((d1 < w && x > 0.28 && x < 0.47) || (d2 < w && x > 0.44 && x < 0.74 && y > 0.3)) return WHITE;
    // Ruled lines of a score sheet.
    if (size >= 32 && Math.abs(((y - 0.08) * 6) % 1) < 0.06) return [60, 140, 95, 255];
    return GREEN;
  });
}

mkdirSync("assets", { recursive: true });
for (const s of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${s}.png`, icon(s));
console.log("assets/icon-{16,32,64,80,128}.png written");
