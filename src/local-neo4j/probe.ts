import { connect } from 'node:net';
import neo4j from 'neo4j-driver';

/** What holds a port: nothing, a Neo4j we can use without credentials, one needing them, or else. */
export type PortHolder = 'none' | 'neo4j' | 'neo4j-with-auth' | 'other';

// Bolt magic preamble, then four version proposals: 5.0-5.4, 4.4, 3, none.
const BOLT_HANDSHAKE = Buffer.from([
  0x60, 0x60, 0xb0, 0x17, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 0, 3, 0, 0, 0, 0,
]);
const HANDSHAKE_TIMEOUT_MS = 2000;

/**
 * Raw Bolt handshake. The driver can't do this part: its connection timeout stops at TCP connect,
 * so a server that accepts and never answers would hang it forever.
 */
function boltHandshake(host: string, port: number): Promise<'none' | 'bolt' | 'other'> {
  return new Promise((resolve) => {
    let connected = false;
    let received = Buffer.alloc(0);
    const socket = connect({ host, port });
    const done = (result: 'none' | 'bolt' | 'other') => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(HANDSHAKE_TIMEOUT_MS, () => done(connected ? 'other' : 'none'));
    socket.once('error', () => done(connected ? 'other' : 'none'));
    socket.once('close', () => done('other'));
    socket.once('connect', () => {
      connected = true;
      socket.write(BOLT_HANDSHAKE);
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      // A Bolt server answers with exactly the 4-byte version it picked (0 = none in common).
      if (received.length >= 4) done(received.readUInt32BE(0) !== 0 ? 'bolt' : 'other');
    });
  });
}

function isSecurityError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Security.');
}

export async function probePort(host: string, port: number): Promise<PortHolder> {
  const handshake = await boltHandshake(host, port);
  if (handshake !== 'bolt') return handshake;
  // Other databases (e.g. Memgraph) speak Bolt too; the server agent tells them apart.
  const driver = neo4j.driver(`bolt://${host}:${port}`, undefined, { maxConnectionPoolSize: 1 });
  try {
    const info = await driver.getServerInfo();
    return info.agent?.startsWith('Neo4j/') ? 'neo4j' : 'other';
  } catch (error) {
    return isSecurityError(error) ? 'neo4j-with-auth' : 'other';
  } finally {
    await driver.close();
  }
}

/** Resolves once a Bolt session can be opened at `uri`; rejects with the connection error. */
export async function verifyBolt(uri: string): Promise<void> {
  const driver = neo4j.driver(uri, undefined, {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
  } finally {
    await driver.close();
  }
}
