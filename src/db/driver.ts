import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  uri: string;
  username: string;
  password: string;
  maxPoolSize: number;
}

/** Creates the driver; `neo4j://` URIs route across a cluster, `bolt://` talks to one server. */
export function createDriver(settings: DriverSettings): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    // Counts and numbers in this graph are far below 2^53: plain JS numbers are exact.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: settings.maxPoolSize,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'relations-graph',
  });
}
