/** Bench server (a): this project's app, `createApp` from src/yoga.ts, counted via onQuery. */
import { createServer } from 'node:http';
import { loadConfig } from '../../../src/config.ts';
import { Database } from '../../../src/db/database.ts';
import { createDriver } from '../../../src/db/driver.ts';
import { createApp } from '../../../src/yoga.ts';
import { counters, serverEnv, statsRoute } from './counting.ts';

const config = loadConfig();
const { uri, port } = serverEnv();
const driver = createDriver({
  uri,
  username: config.NEO4J_USERNAME,
  password: config.NEO4J_PASSWORD,
  maxPoolSize: config.NEO4J_MAX_POOL_SIZE,
});
const db = new Database(driver, {
  database: config.NEO4J_DATABASE,
  timeoutMs: config.NEO4J_TX_TIMEOUT_MS,
});
db.onQuery(() => {
  counters.queries++;
});
const app = createApp({ db, config });
const server = createServer((req, res) => {
  if (!statsRoute(req, res)) app(req, res);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`READY ${typeof address === 'object' && address ? address.port : port}`);
});
