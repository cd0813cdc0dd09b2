# The API and the explorer: Neo4j comes from the neo4j service of docker-compose.yml (or NEO4J_URI).
# The explorer is built with the dev dependencies in a first stage; the image keeps only its bundle.
FROM node:20-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json schema.graphql ./
COPY explorer ./explorer
COPY scripts/build-explorer.ts ./scripts/
RUN npm run explorer:build

FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY data ./data
COPY --from=explorer /app/explorer/dist ./explorer/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["npx", "tsx", "src/main.ts"]
