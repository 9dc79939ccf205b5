# Coach as a service (Slack and/or Feishu in HTTP mode). Used by docker-compose.yml to run several
# replicas on one PostgreSQL; see README "Running several replicas".
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, so that a source change does not reinstall them. tsx (in dependencies) runs the
# TypeScript sources directly: there is no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

# Runs as the image's unprivileged user; the SQLite fallback path (unused with DATABASE_URL) stays writable.
RUN mkdir -p data && chown node:node data
USER node

ENV PORT=3000
EXPOSE 3000

HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# What `npm start` runs, started directly so that SIGTERM reaches Coach itself (no npm or tsx wrapper
# process in between): it stops taking events, lets work finish, hands unfinished work to the other
# replicas and exits 0.
CMD ["node", "--import", "tsx", "src/main.ts"]
