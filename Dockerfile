# Fairdrop: one image for every role (FAIRDROP_ROLE=api|sse|worker|all), plus a static
# storefront image. Used by docker-compose.yml. Untested on the development machine (no Docker
# engine there); see docs/guide/deployment.md.

# 1. Dependencies of the whole workspace (lockfile-exact).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY sdk/package.json sdk/
COPY server/package.json server/
COPY widget/package.json widget/
COPY verify/package.json verify/
COPY docs/package.json docs/
COPY examples/storefront/package.json examples/storefront/
COPY examples/merchant-node/package.json examples/merchant-node/
COPY examples/react/package.json examples/react/
RUN npm ci --no-audit --no-fund --ignore-scripts

# 2. Sources, the widget bundle and the /verify page.
FROM deps AS build
COPY . .
RUN npm run build -w @fairdrop/widget && npm run build -w @fairdrop/verify-page

# 3. The service. It runs from TypeScript sources with tsx and the `source` export condition,
#    exactly as `npm start` and the tests do.
FROM node:22-bookworm-slim AS fairdrop
ENV NODE_ENV=production \
    FAIRDROP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3003 3004 9080
STOPSIGNAL SIGTERM
CMD ["node", "--conditions=source", "--import", "tsx", "server/src/main.ts"]

# 4. The storefront example: static files and the built widget beside them.
FROM nginx:1.27-alpine AS storefront
COPY examples/storefront/ /usr/share/nginx/html/
COPY --from=build /app/widget/dist/ /usr/share/nginx/html/
EXPOSE 80
