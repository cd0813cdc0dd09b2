import type { Config } from '../config.ts';
import { Database } from './database.ts';
import { createDriver } from './driver.ts';

/** The Database for a configuration and a URI; `overrides` adjust the pool, timeout and log. */
export function connectDatabase(
  config: Config,
  uri: string,
  overrides: { maxPoolSize?: number; timeoutMs?: number; log?: (line: string) => void } = {},
): Database {
  const driver = createDriver({
    uri,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    maxPoolSize: overrides.maxPoolSize ?? config.NEO4J_MAX_POOL_SIZE,
  });
  return new Database(driver, {
    database: config.NEO4J_DATABASE,
    timeoutMs: overrides.timeoutMs ?? config.NEO4J_TX_TIMEOUT_MS,
    uri,
    log: overrides.log,
    timedOutCooldownMs: config.NEO4J_TIMED_OUT_COOLDOWN_MS,
    warmUpMs: config.READY_WARM_UP_MS,
  });
}
