/**
 * Reading a request body with a hard limit: past `max` bytes the server answers 413 at once and closes
 * the connection, instead of reading a 50 MB upload to the end before refusing it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The whole body, or undefined after answering 413 (over `max` bytes, by its content-length or as it
 * arrives) or 400 (the client went away). The caller answers nothing more when it gets undefined.
 */
export function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  max: number,
): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const refuse = (status: number, error: string) => {
      if (!res.headersSent) {
        res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ error }));
      }
      // Stop reading: whatever the client still sends is dropped with the connection.
      req.removeAllListeners('data');
      req.pause();
      res.once('finish', () => req.destroy());
      resolve(undefined);
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      refuse(413, 'body too large');
      return;
    }
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > max) refuse(413, 'body too large');
      else parts.push(part);
    });
    req.on('end', () => {
      if (size <= max) resolve(Buffer.concat(parts));
    });
    req.on('error', () => refuse(400, 'request failed'));
  });
}

/** True when a request timestamp (Unix seconds) is within `windowSec` of `nowMs`, in either direction. */
export function freshTimestamp(
  header: string | string[] | undefined,
  nowMs: number,
  windowSec = 300,
): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,12}$/.test(value.trim())) return false;
  return Math.abs(nowMs / 1000 - Number(value)) <= windowSec;
}
