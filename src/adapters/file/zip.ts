import { deflateSync, inflateSync, unzipSync } from "fflate";
import { FileError } from "./errors";

/** One entry of a zip package as found in its central directory; its data stays compressed until asked for. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  /** The compressed bytes, a view into the original file (copied as they are when the entry is kept). */
  raw: Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

function findEnd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  return -1;
}

/**
 * The entries of a zip, in their order, without inflating any. Zip64 packages (rare for a
 * workbook) are read through fflate instead, which inflates every entry.
 */
export function readZip(b: Uint8Array): ZipEntry[] {
  const end = findEnd(b);
  if (end < 0) throw new FileError("damaged", "zip directory missing");
  const count = u16(b, end + 10);
  const cdOffset = u32(b, end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) return readZip64(b);
  const dec = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new FileError("damaged", "zip directory broken");
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const compressedSize = u32(b, p + 20);
    const local = u32(b, p + 42);
    if (compressedSize === 0xffffffff || local === 0xffffffff) return readZip64(b);
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) throw new FileError("damaged", "zip entry broken");
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (start + compressedSize > b.length) throw new FileError("damaged", "zip entry truncated");
    entries.push({
      name: dec.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      dosTime: u16(b, p + 12),
      dosDate: u16(b, p + 14),
      crc: u32(b, p + 16),
      compressedSize,
      size: u32(b, p + 24),
      raw: b.subarray(start, start + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readZip64(b: Uint8Array): ZipEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(b);
  } catch {
    throw new FileError("damaged", "zip64 package unreadable");
  }
  return Object.entries(files).map(([name, data]) => deflated(name, data));
}

/** A parts's bytes. Registration parts are small; a declared size past 256 MB is a damaged (or hostile) zip. */
export function entryBytes(e: ZipEntry): Uint8Array {
  if (e.method === 0) return e.raw;
  if (e.method !== 8) throw new FileError("damaged", `zip method ${e.method}`);
  if (e.size > 256 * 1024 * 1024) throw new FileError("damaged", "zip entry too large");
  try {
    return inflateSync(e.raw, { out: new Uint8Array(e.size) });
  } catch {
    throw new FileError("damaged", `zip entry ${e.name}`);
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
export function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry made from uncompressed bytes (a part we write). */
export function deflated(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
  // Large parts (a year of 明细) compress at the fastest level: writing costs what our sheets cost.
  const raw = deflateSync(data, { level: data.length > 1 << 20 ? 1 : 6 });
  return {
    name,
    method: 8,
    crc: crc32(data),
    compressedSize: raw.length,
    size: data.length,
    dosTime: like?.dosTime ?? 0,
    dosDate: like?.dosDate ?? 0x21,
    raw,
  };
}

/** A zip of the entries in order; kept entries are copied compressed, byte for byte. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i].length + e.raw.length));
  if (size > 0xfffffff0 || entries.length > 0xfffe) throw new FileError("too-large");
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const header = (e: ZipEntry, name: Uint8Array, central: boolean) => {
    dv.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      dv.setUint16(p, 20, true);
      p += 2;
    }
    dv.setUint16(p, 20, true);
    dv.setUint16(p + 2, 0x800, true); // UTF-8 names
    dv.setUint16(p + 4, e.method, true);
    dv.setUint16(p + 6, e.dosTime, true);
    dv.setUint16(p + 8, e.dosDate, true);
    dv.setUint32(p + 10, e.crc, true);
    dv.setUint32(p + 14, e.compressedSize, true);
    dv.setUint32(p + 18, e.size, true);
    dv.setUint16(p + 22, name.length, true);
    dv.setUint16(p + 24, 0, true);
    p += 26;
  };
  entries.forEach((e, i) => {
    offsets.push(p);
    header(e, names[i], false);
    out.set(names[i], p);
    p += names[i].length;
    out.set(e.raw, p);
    p += e.raw.length;
  });
  const cd = p;
  entries.forEach((e, i) => {
    header(e, names[i], true);
    // comment length, disk, internal and external attributes stay 0
    dv.setUint32(p + 10, offsets[i], true);
    p += 14;
    out.set(names[i], p);
    p += names[i].length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return out.subarray(0, p + 22);
}
