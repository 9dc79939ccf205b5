import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../core/errors.ts';
import { limitedWarn } from '../../core/log-limit.ts';
import type { Logger } from '../../core/logger.ts';
import type { RequestListener } from '../platform.ts';

/** The process's one HTTP server: `GET /healthz` plus the platforms' event routes. */
export interface HttpServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The server's limits, set deliberately rather than left to Node's defaults: slow or stuck clients are
 * cut off, and one client cannot hold every socket.
 */
export const SERVER_LIMITS = {
  /** Whole request (headers and body) must arrive within this. */
  requestTimeoutMs: 30_000,
  /** Headers must arrive within this (slowloris). */
  headersTimeoutMs: 15_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  maxHeadersCount: 100,
  /** Open connections at once; more are refused by the kernel queue. */
  maxConnections: 2_000,
} as const;

/**
 * The `/x/*` route that serves `path` (`/admin/*` serves `/admin` and `/admin/…`), or '' when none does.
 */
function prefixOf(path: string, routes: Record<string, RequestListener>): string {
  for (const key of Object.keys(routes)) {
    if (!key.endsWith('/*')) continue;
    const base = key.slice(0, -2);
    if (path === base || path.startsWith(`${base}/`)) return key;
  }
  return '';
}

/**
 * Creates the shared server. Routes are exact paths (`/slack/events`, `/feishu/events`), or a prefix
 * written `/admin/*` (the page and everything under it); anything else is 404. A handler that throws answers 500 and logs one line instead of taking the process down.
 * Malformed and aborted requests are logged at warn, at most ten lines a minute of each kind.
 */
export function createHttpServer(deps: {
  routes: Record<string, RequestListener>;
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  logger: Logger;
}): HttpServer {
  const { routes, health, logger } = deps;
  const warn = limitedWarn(logger);
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    req.once('close', () => {
      if (!req.complete)
        warn('http_request_aborted', { path, method: req.method }, 'request aborted by the client');
    });
    try {
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const status = await health();
        res.writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status));
        return;
      }
      const route = routes[path] ?? routes[prefixOf(path, routes)];
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      await route(req, res);
    } catch (err) {
      logger.error({ event: 'http_handler_failed', path, ...describeError(err) }, 'HTTP handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  });
  server.requestTimeout = SERVER_LIMITS.requestTimeoutMs;
  server.headersTimeout = SERVER_LIMITS.headersTimeoutMs;
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeoutMs;
  server.maxHeadersCount = SERVER_LIMITS.maxHeadersCount;
  server.maxConnections = SERVER_LIMITS.maxConnections;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    warn('http_client_error', { code: err.code ?? err.name }, 'malformed or timed-out request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
