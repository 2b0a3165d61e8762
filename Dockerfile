# jixiao: the scoring service and its CLI. The same steps as README and .ci/run: npm ci, npm run build.
#   docker build -t jixiao .
#   docker run -p 3000:3000 -v jixiao-data:/app/data jixiao
#   docker run --rm -v jixiao-data:/app/data jixiao jixiao keys create --role bureau --name 财政厅
# The image runs on Node 22 (an LTS line; Node 20 leaves support); the code also runs and is tested
# on Node 20 (package.json engines >= 20.6), which the development and CI machines have.
FROM node:22-slim AS build
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:22-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The CLI on the PATH: bin/jixiao.js runs dist/cli/main.js when there is no src/ (as here).
COPY bin ./bin
RUN chmod 0755 bin/jixiao.js && ln -s /app/bin/jixiao.js /usr/local/bin/jixiao
# Read at run time relative to the package root: the policies and the indicator vocabulary.
COPY scoring ./scoring
COPY indicators ./indicators
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself, not `npm start`: SIGTERM must reach the server for a graceful stop.
# The heap flag is the one of `npm start`: without it V8 sizes the heap from the host's memory
# and a long batch stream holds ~300 MB instead of ~160 MB (bench/RESULTS.md).
CMD ["node", "--max-old-space-size=1024", "dist/server.js"]
