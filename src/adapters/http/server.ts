import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RequestListener } from '../platform.ts';

/** The process's one HTTP server: `GET /healthz` plus the platforms' event routes. */
export interface HttpServer {
  readonly server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Creates the shared server. Routes are exact paths (`/slack/events`, `/feishu/events`); anything
 * else is 404. A handler that throws answers 500 and logs one line instead of taking the process down.
 */
export function createHttpServer(deps: {
  routes: Record<string, RequestListener>;
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
  logger: Logger;
}): HttpServer {
  const { routes, health, logger } = deps;
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const status = await health();
        res.writeHead(status.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status));
        return;
      }
      const route = routes[path];
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
