# The API only: Neo4j comes from the neo4j service of docker-compose.yml (or NEO4J_URI).
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY data ./data
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
# Exec form, node itself as PID 1 (no npm, npx or shell in between to swallow the signal): `docker
# stop`'s SIGTERM reaches the server, which drains its requests and exits 0. Node installs no default
# handler as PID 1, so the server's own SIGTERM/SIGINT handlers are what stop it.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]
