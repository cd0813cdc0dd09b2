import { z } from 'zod';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const limit = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting the server reads from the environment, typed and defaulted, read once. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('neo4j'),
  NEO4J_DATABASE: z.string().default('neo4j'),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_DATA_DIR: z.string().default('.neo4j/data'),
  NEO4J_TX_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  NEO4J_MAX_POOL_SIZE: z.coerce.number().int().positive().default(50),
  /** How long a statement that ran past NEO4J_TX_TIMEOUT_MS is refused at once to its client. */
  NEO4J_TIMED_OUT_COOLDOWN_MS: z.coerce.number().int().min(0).default(10_000),
  /** After a start or Neo4j's return, how long /ready may stay 503 while reads are planned again. */
  READY_WARM_UP_MS: z.coerce.number().int().min(0).default(10_000),
  /** How long an anonymous query's answer is kept (0: no response cache); see docs/operations.md. */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(0),
  SEED: flag.default(true),
  SEED_DIR: z.string().default('data'),
  /** Whether clients without an API key may read (writes always need one). */
  ANONYMOUS_READS: flag.default(true),
  /** JWT bearer tokens besides API keys: an HS256 secret, or the URL of a JWKS (one of the two). */
  JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (HS256 needs 256 bits)')
    .optional(),
  JWKS_URL: z.string().url().optional(),
  /** When set, a JWT's `iss` / `aud` must be this. */
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  /** The JWT claim that holds the role (curator, editor or admin). */
  JWT_ROLE_CLAIM: z.string().default('role'),
  // Limits on what one request may ask (see docs/operations.md, "Security and limits").
  GRAPHQL_MAX_DEPTH: limit(6),
  GRAPHQL_MAX_ALIASES: limit(15),
  GRAPHQL_MAX_DIRECTIVES: limit(50),
  GRAPHQL_MAX_TOKENS: limit(1000),
  GRAPHQL_MAX_CHARACTERS: limit(15000),
  GRAPHQL_MAX_COST: limit(25_000),
  GRAPHQL_MAX_BODY_BYTES: limit(100_000),
  /**
   * The cost the server admits per second, shared fairly by the clients asking at the time (each
   * may spend up to this, or GRAPHQL_MAX_COST if larger, at once); past its share a client gets 429.
   */
  GRAPHQL_COST_PER_SECOND: limit(50_000),
  /** Introspection and GraphiQL: on outside production unless set. */
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHIQL: flag.optional(),
  /** A JSON file mapping document ids (hashes) to trusted GraphQL documents. */
  PERSISTED_DOCUMENTS_FILE: z.string().optional(),
  /** With a persisted documents file: refuse any operation that is not in it. */
  PERSISTED_DOCUMENTS_ONLY: flag.default(false),
  /** The built explorer (`npm run explorer:build`), served at / beside the API. */
  EXPLORER_DIR: z.string().default('explorer/dist'),
  /** How long SIGTERM waits for requests in flight before closing anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** How long a client may take to send a request's headers, and the whole request. */
  HTTP_HEADERS_TIMEOUT_MS: limit(30_000),
  HTTP_REQUEST_TIMEOUT_MS: limit(30_000),
  /** Requests one client (remote address) may have in flight at once; more get 429. */
  MAX_CONCURRENT_REQUESTS_PER_CLIENT: limit(16),
  /** Behind a reverse proxy: the client is the address the proxy appended to X-Forwarded-For. */
  TRUST_PROXY: flag.default(false),
  /** Origins browsers may read answers from: `*` (any) or a comma-separated allow-list. */
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((value, ctx) => {
      const origins = value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
          ctx.addIssue({
            code: 'custom',
            message: `"${origin}" is not an origin (scheme://host[:port], no path), nor *`,
          });
        }
      }
      return origins.includes('*') ? ('*' as const) : origins;
    }),
});

const checked = schema
  .refine((config) => !(config.JWT_SECRET && config.JWKS_URL), {
    path: ['JWKS_URL'],
    message: 'set JWT_SECRET or JWKS_URL, not both',
  })
  .refine((config) => config.HTTP_HEADERS_TIMEOUT_MS <= config.HTTP_REQUEST_TIMEOUT_MS, {
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
    message:
      'must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
  });

export type Config = z.infer<typeof schema>;

/** Reads the configuration; throws a message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = checked.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
