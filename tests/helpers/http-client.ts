import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * A GraphQL POST whose body arrives in two parts: the server has the request (it is in flight)
 * from the first part on, and can only answer once `finish()` sends the rest. `localAddress`
 * (e.g. 127.0.0.2) makes it come from another client.
 */
export function postInTwoParts(
  port: number,
  query: string,
  localAddress?: string,
  headers: Record<string, string> = {},
) {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  let sent: () => void = () => {};
  const headersSent = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const req = request({
    host: '127.0.0.1',
    port,
    localAddress,
    method: 'POST',
    path: '/graphql',
    agent: false,
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'content-length': Buffer.byteLength(body),
      ...headers,
    },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      res.once('error', reject);
    });
  });
  response.catch(() => {}); // Awaited by the test, maybe only after it failed.
  req.write(body.slice(0, half), () => sent());
  return { headersSent, response, finish: () => req.end(body.slice(half)) };
}

/** A raw TCP connection to the server that records what it receives and when it closes. */
export function rawConnection(port: number, localAddress?: string) {
  const socket: Socket = connect({ host: '127.0.0.1', port, localAddress });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return {
    socket,
    connected,
    closed,
    received: () => received,
    write: (text: string) =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) resolve();
        else socket.write(text, () => resolve());
      }),
  };
}
