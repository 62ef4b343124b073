/**
 * Building hostile zips for the archive tests: fflate writes an honest archive, and these
 * helpers then make it lie (a declared size, a name) the way a crafted upload would.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

export const text = (s: string): Uint8Array => strToU8(s);

/** A zip of `files` (path → text or bytes), deflated unless `level` is 0. */
export function zipOf(files: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = [typeof content === "string" ? text(content) : content, { level }];
  }
  return zipSync(entries);
}

const view = (zip: Uint8Array) => new DataView(zip.buffer, zip.byteOffset, zip.byteLength);

/** Offsets of the central-directory header and local header of every entry, by name. */
export function headers(zip: Uint8Array): Map<string, { central: number; local: number }> {
  const v = view(zip);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const out = new Map<string, { central: number; local: number }>();
  for (let i = 0; i < count; i++) {
    const nameLength = v.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    out.set(name, { central: at, local: v.getUint32(at + 42, true) });
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

/** The same zip, with the uncompressed size of `name` declared as `size` in both its headers. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const at = headers(out).get(name)!;
  view(out).setUint32(at.central + 24, size, true);
  view(out).setUint32(at.local + 22, size, true);
  return out;
}

/** The same zip with `from` renamed `to` (same length) in both headers: e.g. two equal names. */
export function withRenamed(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error("names must have the same length");
  const out = zip.slice();
  const at = headers(out).get(from)!;
  out.set(text(to), at.central + 46);
  out.set(text(to), at.local + 30);
  return out;
}

/** The same zip with one byte of `name`'s stored data changed (a level-0 entry). */
export function withCorruptData(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const at = headers(out).get(name)!;
  const v = view(out);
  const dataStart =
    at.local + 30 + v.getUint16(at.local + 26, true) + v.getUint16(at.local + 28, true);
  out[dataStart] ^= 0x01;
  return out;
}
