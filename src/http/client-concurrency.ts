import type { IncomingMessage } from 'node:http';
import type { Principal } from '../auth/roles.ts';

/**
 * The client a request comes from: its remote address, or behind a trusted reverse proxy the
 * address that proxy appended to X-Forwarded-For (earlier entries are whatever the client claimed).
 */
export function clientOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(',').at(-1)?.trim();
  return last || req.socket.remoteAddress || 'unknown';
}

/**
 * Whom a request's limits count against: a signed-in key (or token subject) wherever its requests
 * come from, so two keys behind one address do not share; an anonymous request, its address.
 */
export function limitedClient(
  principal: Principal | null | undefined,
  req: IncomingMessage,
  trustProxy: boolean,
): string {
  return principal ? `key:${principal.id}` : clientOf(req, trustProxy);
}

/** Counts each client's requests in flight, so that one client cannot take every slot. */
export class ClientConcurrency {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a slot for `client`: the function that gives it back, or undefined if it has `max`. */
  acquire(client: string): (() => void) | undefined {
    const count = this.inFlight.get(client) ?? 0;
    if (count >= this.max) return undefined;
    this.inFlight.set(client, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(client) ?? 1) - 1;
      if (left > 0) this.inFlight.set(client, left);
      else this.inFlight.delete(client);
    };
  }
}
