import { LRUCache } from 'lru-cache';

/** How long a client counts as active after it last spent: the window its share is computed over. */
const ACTIVE_MS = 2_000;
/** Clients remembered at once; one forgotten has a full bucket, as a new one has. */
const MAX_CLIENTS = 10_000;

interface Bucket {
  /** Cost the client may still spend now. */
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

/** Whether a request may run now, and if not, how many seconds until it may. */
export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * The cost the server admits per second, shared fairly by the clients spending it: each client
 * has a bucket of up to `burst`, refilled at `perSecond` divided by the number of clients active
 * in the last two seconds (a token bucket whose rate is a fair share). A client alone may use the
 * whole budget; a heavy client next to light ones gets its share and waits (429) past it, while
 * the light ones, far under their share, never wait.
 */
export class CostBudget {
  private readonly buckets: LRUCache<string, Bucket>;
  /** Clients that spent in the current window of ACTIVE_MS / 2, and in the one before. */
  private spentNow = new Set<string>();
  private spentBefore = new Set<string>();
  private windowStart = 0;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    // A bucket left alone long enough to fill is the same as none: it is forgotten then (at the
    // latest; a client sharing the budget with up to nine others fills it within this too).
    const fillMs = (burst / perSecond) * 1000 * 10;
    this.buckets = new LRUCache({ max: MAX_CLIENTS, ttl: Math.ceil(Math.max(fillMs, ACTIVE_MS)) });
  }

  /** Spends `cost` from `client`'s bucket if it holds that much; else says when it will. */
  take(client: string, cost: number): Admission {
    const now = this.now();
    const rate = this.ratePerMs(client, now);
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    // More than a burst is never admitted by waiting: GRAPHQL_MAX_COST refuses it first.
    const needed = Math.min(cost, this.burst);
    if (bucket.tokens < needed) {
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil((needed - bucket.tokens) / rate / 1000)),
      };
    }
    bucket.tokens -= needed;
    this.spentNow.add(client);
    return { admitted: true };
  }

  /** The client's refill rate now: its fair share of the budget, per ms. */
  private ratePerMs(client: string, now: number): number {
    if (now - this.windowStart >= ACTIVE_MS / 2) {
      const skipped = now - this.windowStart >= ACTIVE_MS;
      this.spentBefore = skipped ? new Set() : this.spentNow;
      this.spentNow = new Set();
      this.windowStart = now;
    }
    // Clients active in the last one to two windows, this one counted even before it spends.
    const known = this.spentNow.has(client) || this.spentBefore.has(client);
    const active = Math.max(this.spentNow.size, this.spentBefore.size) + (known ? 0 : 1);
    return this.perSecond / active / 1000;
  }
}
