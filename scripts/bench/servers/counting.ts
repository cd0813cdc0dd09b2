import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Driver } from 'neo4j-driver';

/** Counts requests and Cypher round trips (every `run`) of one server process. */
export const counters = { requests: 0, queries: 0 };

// biome-ignore lint/suspicious/noExplicitAny: wraps driver objects generically
type Any = any;

/** Told of every query a wrapped driver sends. */
export type RunListener = (cypher: string, params: Record<string, unknown> | undefined) => void;

const countQuery: RunListener = () => {
  counters.queries++;
};

function countingRunner<T extends object>(target: T, onRun: RunListener): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'run') {
        return (...args: Any[]) => {
          onRun(args[0], args[1]);
          return value.apply(obj, args);
        };
      }
      if (key === 'executeRead' || key === 'executeWrite' || key === 'readTransaction') {
        return (work: (tx: Any) => Any, ...rest: Any[]) =>
          value.call(obj, (tx: Any) => work(countingRunner(tx, onRun)), ...rest);
      }
      if (key === 'beginTransaction') {
        return (...args: Any[]) => {
          const tx = value.apply(obj, args);
          return tx && typeof tx.then === 'function'
            ? tx.then((t: Any) => countingRunner(t, onRun))
            : countingRunner(tx, onRun);
        };
      }
      return value.bind(obj);
    },
  });
}

/**
 * A driver whose sessions, transactions and `executeQuery` report every query they send (by
 * default: count it).
 */
export function countingDriver(driver: Driver, onRun: RunListener = countQuery): Driver {
  return new Proxy(driver, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (key === 'session') {
        return (...args: Any[]) => countingRunner(value.apply(obj, args), onRun);
      }
      if (key === 'executeQuery') {
        return (...args: Any[]) => {
          onRun(args[0], args[1]);
          return value.apply(obj, args);
        };
      }
      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

/** Answers GET /__bench/stats; returns true when it did. Counts POSTs as requests otherwise. */
export function statsRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.url === '/__bench/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const cpu = process.cpuUsage();
    res.end(JSON.stringify({ ...counters, cpuMicros: cpu.user + cpu.system }));
    return true;
  }
  if (req.method === 'POST') counters.requests++;
  return false;
}

// Exit normally on SIGTERM, so that `--cpu-prof` (bench --profile) writes its profile.
process.once('SIGTERM', () => process.exit(0));

/** Settings every bench server reads from its environment. */
export function serverEnv() {
  return {
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    port: Number(process.env.PORT ?? 0),
    pool: Number(process.env.NEO4J_MAX_POOL_SIZE ?? 50),
  };
}
