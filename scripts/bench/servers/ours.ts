/** Bench server (a): this project's app, `createApp` from src/yoga.ts, counted via onQuery. */
import { createServer } from 'node:http';
import { loadConfig } from '../../../src/config.ts';
import { connectDatabase } from '../../../src/db/connect.ts';
import { createApp } from '../../../src/yoga.ts';
import { counters, serverEnv, statsRoute } from './counting.ts';

const config = loadConfig();
const { uri, port } = serverEnv();
const db = connectDatabase(config, uri);
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
