# syntax=docker/dockerfile:1.7
# One image per service: docker build --build-arg APP=governance -t assets-platform/governance .
# The project pins Node through the `node` npm devDependency; the runtime uses the matching
# official image instead, so the dev-only Node binary never ships.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- deps: the full dependency tree, cached until package*.json change ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV CI=true \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- build: swc into dist/ (keeps apps/<app>/src paths, copies non-TS assets such as model.fga),
# and the web console (Vite) into dist/console, which Assets serves at /console ----
FROM deps AS build
COPY tsconfig.json .swcrc nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
COPY sdk ./sdk
RUN npm run build \
 && npm run console:build \
 && npm prune --omit=dev \
 && rm -rf node_modules/.cache

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ARG APP=assets
# tini is PID 1: it forwards SIGTERM to Node (graceful shutdown) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Heap settings measured by bench/soak.bench.js and bench/heap-flags.js (bench/README.md): old space
# capped at 384 MB and an 8 MB semi-space. A cap well under the limit makes V8 collect instead of
# growing (without one it sizes the heap from the host's memory, and RSS roughly doubled under load);
# the fixed semi-space keeps young-generation RSS at 3 x 8 MB whatever the old space. Sized for
# Assets' 768Mi limit; deploy/k8s sets each app's own value.
ENV NODE_ENV=production \
    APP=${APP} \
    NODE_OPTIONS="--enable-source-maps --max-old-space-size=384 --max-semi-space-size=8"
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY deploy/docker/healthcheck.mjs ./deploy/docker/healthcheck.mjs
# Exec-form CMD cannot expand ${APP}, so fix the entry point at build time. Node resolves the
# symlink, so relative imports and import.meta.url still point into dist/. DATA_DIR (./.data)
# is the only place the app may write.
RUN test -f "dist/apps/${APP}/src/main.js" \
 && ln -s "dist/apps/${APP}/src/main.js" main.js \
 && mkdir -p .data \
 && chown node:node .data
USER node
EXPOSE 8001 8002
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "deploy/docker/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "main.js"]
