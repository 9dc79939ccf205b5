/**
 * A check of a ZIP container (DOCX) before any parser sees it: the central directory is read, every entry
 * is inflated with a cap on its output (zlib's `maxOutputLength`, off the main thread), and the file is
 * refused when it has too many entries, unknown compression, or unpacks to more than allowed, whatever
 * its headers claim. A zip bomb therefore costs at most the cap, never the process. This reads the
 * container only; the document inside is parsed by mammoth.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { CoachError } from '../../errors.ts';

const inflate = promisify(inflateRaw);

/** Most entries a document container may hold. */
const MAX_ENTRIES = 5_000;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Throws `input_invalid` with a reason when `data` is not a ZIP that unpacks within `maxBytes`. */
export async function checkZip(data: Buffer, maxBytes: number): Promise<void> {
  const end = findEndOfDirectory(data);
  const count = data.readUInt16LE(end + 10);
  const dirOffset = data.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) refuse(`it holds ${count} files (the limit is ${MAX_ENTRIES})`);
  let at = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) refuse('its file list is damaged');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const declared = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || declared === 0xffffffff)
      refuse('it uses ZIP64, which a document never needs');
    if (declared > maxBytes - total) refuse(`it unpacks to more than ${mb(maxBytes)}`);
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) refuse('a file inside it is damaged');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) refuse('a file inside it is cut short');
    const body = data.subarray(start, start + compressed);
    if (method === 0) total += body.length;
    else if (method === 8) total += await inflated(body, maxBytes - total);
    else refuse(`a file inside it uses compression method ${method}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
}

async function inflated(body: Buffer, room: number): Promise<number> {
  try {
    return (await inflate(body, { maxOutputLength: Math.max(1, room) })).length;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      refuse('it unpacks to more than allowed (a zip bomb?)');
    refuse('a file inside it is not valid compressed data');
  }
}

/** The offset of the end-of-central-directory record, searched in the last 64 KB (its comment may follow it). */
function findEndOfDirectory(data: Buffer): number {
  if (data.length < 22) refuse('it is not a ZIP container (DOCX files are)');
  const floor = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= floor; at--) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  refuse('it is not a ZIP container (DOCX files are)');
}

function refuse(reason: string): never {
  throw new CoachError('input_invalid', `refused: ${reason}`);
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}
