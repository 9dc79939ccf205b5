# Coach as a service (Slack and/or Feishu in HTTP mode). Used by docker-compose.yml to run several
# replicas on one PostgreSQL; see README "Running several replicas".
# Build stage: compiles src/ into dist/ (plain JavaScript: no TypeScript loader at run time).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
COPY assets ./assets
COPY prompts ./prompts

# Runs as the image's unprivileged user; the SQLite fallback path (unused with DATABASE_URL) stays writable.
RUN mkdir -p data && chown node:node data
USER node

ENV PORT=3000
# At most two malloc arenas: the threads (libuv's, V8's, the coaching pool's) otherwise each keep their
# own arena of freed memory, about 10 MB more resident for a service that is mostly waiting.
ENV MALLOC_ARENA_MAX=2
EXPOSE 3000

HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The compiled service, started directly so that SIGTERM reaches Coach itself (no npm wrapper process
# in between): it stops taking events, lets work finish, hands unfinished work to the other replicas
# and exits 0. A 4 MB young generation (instead of 16 MB) keeps about 20 MB less resident; letting the
# old generation grow by half its live size between collections (V8 picks up to four times on its own)
# keeps a burst's garbage about 15 MB smaller.
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "dist/main.js"]
