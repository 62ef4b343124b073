/**
 * Reading an uploaded zip without trusting it. The central directory is read here (names,
 * declared sizes, where each entry's data is); the data is inflated by fflate's streaming
 * inflater a few KiB at a time, so an entry that inflates past what it declared (a zip bomb) is
 * stopped as soon as it does, before it costs memory or much time. Every CRC is checked.
 *
 * What this module does not do: decide which entries a course may hold (course-archive.ts).
 * Encrypted entries, ZIP64 and split archives are refused: a course is far below their sizes.
 */
import { crc32 } from "node:zlib";

import { Inflate } from "fflate";

/** An archive that cannot be imported; the message says what to change. */
export class ArchiveError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ArchiveError";
  }
}

export interface ZipEntry {
  /** The path as stored in the archive (`/`-separated). */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  /** The uncompressed size the archive declares (not yet verified). */
  readonly declaredSize: number;
  /** The entry's stored (compressed) bytes. */
  readonly data: Uint8Array;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64 = 0xffffffff;
const ENCRYPTED = 0x1;
const UTF8_NAME = 0x800;

const notAZip = (why: string) =>
  new ArchiveError(`the file is not a valid zip archive (${why}); export the course as a .zip`);

function endOfDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 65535; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw notAZip("no end-of-archive record");
}

/**
 * The entries of the archive's central directory, in stored order. At most `maxEntries`: a
 * directory listing more is refused before any entry is read.
 */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.length < 22) throw notAZip("too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(bytes, view);
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (disk !== 0 || directoryDisk !== 0) {
    throw new ArchiveError("split (multi-part) zip archives are not supported: make one .zip");
  }
  if (count === 0xffff || directoryOffset === ZIP64) {
    throw new ArchiveError("ZIP64 archives are not supported: a course is far smaller than 4 GiB");
  }
  if (count > maxEntries) {
    throw new ArchiveError(
      `the archive has ${count} entries; a course archive may hold at most ${maxEntries}`,
    );
  }

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_HEADER) {
      throw notAZip("its directory is damaged");
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const declaredSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    if (nameBytes.length !== nameLength) throw notAZip("its directory is damaged");
    const name = decodeName(nameBytes, flags);
    at += 46 + nameLength + extraLength + commentLength;

    if (flags & ENCRYPTED) {
      throw new ArchiveError(`"${name}" is encrypted: zip the course without a password`);
    }
    if (compressedSize === ZIP64 || declaredSize === ZIP64 || localOffset === ZIP64) {
      throw new ArchiveError(
        "ZIP64 archives are not supported: a course is far smaller than 4 GiB",
      );
    }
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_HEADER) {
      throw notAZip(`the entry "${name}" is damaged`);
    }
    const dataStart =
      localOffset +
      30 +
      view.getUint16(localOffset + 26, true) +
      view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) {
      throw notAZip(`the entry "${name}" runs past the end of the file`);
    }
    entries.push({
      name,
      method,
      crc,
      declaredSize,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
  return entries;
}

/** Names are UTF-8 when flagged; otherwise only ASCII names are accepted (CP437 is not decoded). */
function decodeName(bytes: Uint8Array, flags: number): string {
  const ascii = bytes.every((b) => b < 0x80);
  if (!ascii && !(flags & UTF8_NAME)) {
    throw new ArchiveError(
      "an entry's name is not ASCII or UTF-8: course file names use a-z, 0-9, '.', '_' and '-'",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ArchiveError("an entry's name is not valid UTF-8");
  }
}

/** Compressed bytes handed to the inflater at a time: bounds the work done past a lie. */
const INFLATE_CHUNK = 4096;

/**
 * The entry's bytes, verified: never more than it declares (inflation stops at the first byte
 * past), exactly as many, and with its CRC. The caller has already checked the declared size
 * against its limits, so this is also the bound on memory.
 */
export function readZipEntry(entry: ZipEntry): Uint8Array {
  const tooLarge = () =>
    new ArchiveError(
      `"${entry.name}" inflates to more than the ${entry.declaredSize} bytes the archive declares: the zip is damaged or hostile`,
    );
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.data.length > entry.declaredSize) throw tooLarge();
    out = entry.data.slice();
  } else if (entry.method === 8) {
    out = inflateBounded(entry, tooLarge);
  } else {
    throw new ArchiveError(
      `"${entry.name}" uses compression method ${entry.method}; zip the course with ordinary (deflate) compression`,
    );
  }
  if (out.length !== entry.declaredSize) {
    throw new ArchiveError(
      `"${entry.name}" holds ${out.length} bytes but the archive declares ${entry.declaredSize}: the zip is damaged`,
    );
  }
  if (crc32(out) >>> 0 !== entry.crc >>> 0) {
    throw new ArchiveError(`"${entry.name}" is damaged (its checksum does not match)`);
  }
  return out;
}

function inflateBounded(entry: ZipEntry, tooLarge: () => ArchiveError): Uint8Array {
  const out = new Uint8Array(entry.declaredSize);
  let length = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow) return;
    if (length + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < entry.data.length || at === 0; at += INFLATE_CHUNK) {
      const last = at + INFLATE_CHUNK >= entry.data.length;
      inflater.push(entry.data.subarray(at, at + INFLATE_CHUNK), last);
      if (overflow) throw tooLarge();
      if (last) break;
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`"${entry.name}" is damaged and cannot be inflated`, { cause: error });
  }
  return out.subarray(0, length);
}
