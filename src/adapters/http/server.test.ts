import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { createHttpServer, SERVER_LIMITS } from './server.ts';

describe('the shared HTTP server', () => {
  it('sets its limits deliberately', async () => {
    const { logger } = memoryLogger();
    const http = createHttpServer({ routes: {}, logger, health: async () => ({ ok: true }) });
    expect(http.server.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
    expect(http.server.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
    expect(http.server.maxHeadersCount).toBe(SERVER_LIMITS.maxHeadersCount);
    expect(http.server.maxConnections).toBe(SERVER_LIMITS.maxConnections);
  });

  it('logs aborted and malformed requests at warn, at most ten a minute each, and keeps serving', async () => {
    const mem = memoryLogger();
    let seen = 0;
    const http = createHttpServer({
      routes: {
        '/slow': (req) => {
          seen += 1;
          req.resume(); // reads, never answers: the client gives up
        },
      },
      logger: mem.logger,
      health: async () => ({ ok: true }),
    });
    const port = await http.listen(0, '127.0.0.1');
    const abort = () =>
      new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly part of it');
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
      });
    const garbage = () =>
      new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        socket.on('data', () => socket.destroy());
        socket.on('close', () => resolve());
      });
    for (let i = 0; i < 25; i += 1) await abort();
    for (let i = 0; i < 25; i += 1) await garbage();
    await new Promise((r) => setTimeout(r, 50));
    const warns = mem.lines().filter((l) => l.level === 40);
    expect(warns.filter((l) => l.event === 'http_request_aborted')).toHaveLength(10);
    expect(warns.filter((l) => l.event === 'http_client_error')).toHaveLength(10);
    expect(seen).toBe(25);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    await http.close();
  });
});
