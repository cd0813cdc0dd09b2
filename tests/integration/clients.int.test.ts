import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { cacheExchange as graphcacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { buildSchema, introspectionFromSchema, isObjectType } from 'graphql';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSSIBLE_TYPES_FILE, SCHEMA_FILE, TYPE_POLICIES_FILE } from '../../src/schema/print.ts';
import { TestHelper } from '../helpers/test-helper.ts';

// Real clients against the server, set up as docs/clients.md says.

const helper = new TestHelper();
const fetchThroughApp: typeof fetch = (input, init) =>
  Promise.resolve(helper.app.fetch(new Request(input, init)));

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

const TREATIES = gql`
  query CountryTreaties($first: Int!, $after: String) {
    entity(id: "russia") {
      id
      ... on Country {
        treaties(first: $first, after: $after) {
          totalCount
          edges { cursor role node { id ...Named signed { value } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
  fragment Named on Entity { slug name }
`;

interface TreatiesData {
  entity: {
    treaties: {
      totalCount: number;
      edges: { cursor: string; node: { slug: string; name: string; signed: unknown } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };
}

describe('Apollo Client (InMemoryCache, possibleTypes, relayStylePagination)', () => {
  const apollo = async () =>
    new ApolloClient({
      link: new HttpLink({ uri: 'http://test/graphql', fetch: fetchThroughApp }),
      cache: new InMemoryCache({
        possibleTypes: JSON.parse(await readFile(POSSIBLE_TYPES_FILE, 'utf8')),
        typePolicies: { Country: { fields: { treaties: relayStylePagination() } } },
      }),
    });

  it('reads a page, fetches the next with fetchMore, and holds both pages merged in its cache', async () => {
    const client = await apollo();
    const watched = client.watchQuery<TreatiesData>({
      query: TREATIES,
      variables: { first: 2 },
    });
    const subscription = watched.subscribe(() => {});
    try {
      const first = await firstValueFrom(
        watched.pipe(filter((result) => result.dataState === 'complete')),
      );
      const page1 = (first.data as TreatiesData).entity.treaties;
      expect(page1.edges).toHaveLength(2);
      // Fields selected through the fragment on the Entity interface are kept (possibleTypes).
      expect(page1.edges[0]?.node.name).toEqual(expect.any(String));
      expect(page1.pageInfo.hasNextPage).toBe(true);

      await watched.fetchMore({ variables: { after: page1.pageInfo.endCursor } });
      const cached = client.readQuery<TreatiesData>({ query: TREATIES, variables: { first: 2 } });
      const merged = cached?.entity.treaties.edges.map((edge) => edge.node.slug) ?? [];
      expect(merged).toHaveLength(4);
      expect(new Set(merged).size).toBe(4);

      // The same four treaties, asked in one page of the server.
      const whole = await helper.ask<TreatiesData>(
        '{ entity(id: "russia") { ... on Country { treaties(first: 4) { nodes { slug } } } } }',
      );
      const slugs = (whole.entity.treaties as unknown as { nodes: { slug: string }[] }).nodes;
      expect(merged).toEqual(slugs.map((node) => node.slug));
    } finally {
      subscription.unsubscribe();
    }
  });
});

const LINKS_OF_KINDS = gql`
  query LinksOfKinds($kinds: [EntityKind!]) {
    entity(id: "russia") {
      id
      links(first: 5, kinds: $kinds) {
        edges { type node { id kind name } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

interface LinksData {
  entity: { links: { edges: { node: { kind: string } }[] } };
}

/** typePolicies from the shipped type-policies.json: relayStylePagination with each field's keyArgs. */
async function shippedTypePolicies() {
  const keys: Record<string, { fields: Record<string, { keyArgs: string[] }> }> = JSON.parse(
    await readFile(TYPE_POLICIES_FILE, 'utf8'),
  );
  return Object.fromEntries(
    Object.entries(keys).map(([type, { fields }]) => [
      type,
      {
        fields: Object.fromEntries(
          Object.entries(fields).map(([field, { keyArgs }]) => [
            field,
            relayStylePagination(keyArgs),
          ]),
        ),
      },
    ]),
  );
}

describe('Apollo Client with the shipped type policies (type-policies.json)', () => {
  const kindsOf = async (client: ApolloClient, kinds: string[]) => {
    const result = await client.query<LinksData>({
      query: LINKS_OF_KINDS,
      variables: { kinds },
      fetchPolicy: 'network-only',
    });
    return new Set((result.data as LinksData).entity.links.edges.map((e) => e.node.kind));
  };

  it('keeps lists with different filters apart: people stay people, treaties treaties', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: 'http://test/graphql', fetch: fetchThroughApp }),
      cache: new InMemoryCache({
        possibleTypes: JSON.parse(await readFile(POSSIBLE_TYPES_FILE, 'utf8')),
        typePolicies: await shippedTypePolicies(),
      }),
    });
    expect(await kindsOf(client, ['PERSON'])).toEqual(new Set(['PERSON']));
    expect(await kindsOf(client, ['TREATY'])).toEqual(new Set(['TREATY']));
    const people = client.readQuery<LinksData>({
      query: LINKS_OF_KINDS,
      variables: { kinds: ['PERSON'] },
    });
    expect(new Set(people?.entity.links.edges.map((e) => e.node.kind))).toEqual(
      new Set(['PERSON']),
    );
  });

  it('merges them when relayStylePagination is copied without keyArgs (why the file exists)', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: 'http://test/graphql', fetch: fetchThroughApp }),
      cache: new InMemoryCache({
        possibleTypes: JSON.parse(await readFile(POSSIBLE_TYPES_FILE, 'utf8')),
        typePolicies: { Country: { fields: { links: relayStylePagination() } } },
      }),
    });
    await kindsOf(client, ['PERSON']);
    await kindsOf(client, ['TREATY']);
    // The people-filtered list now reads back as the treaties: one list in the cache for both.
    const people = client.readQuery<LinksData>({
      query: LINKS_OF_KINDS,
      variables: { kinds: ['PERSON'] },
    });
    expect(new Set(people?.entity.links.edges.map((e) => e.node.kind))).toEqual(
      new Set(['TREATY']),
    );
  });
});

describe('urql with its normalised cache (graphcache), schema-aware', () => {
  it('keeps lists with different filters apart and pages each with relayPagination', async () => {
    const schema = buildSchema(await readFile(SCHEMA_FILE, 'utf8'));
    const links = relayPagination();
    const client = new Client({
      url: 'http://test/graphql',
      fetch: fetchThroughApp,
      exchanges: [
        graphcacheExchange({
          schema: introspectionFromSchema(schema),
          // Objects without an id are embedded in their parent: no key of their own.
          keys: Object.fromEntries(
            Object.values(schema.getTypeMap())
              .filter((type) => isObjectType(type) && !('id' in type.getFields()))
              .map((type) => [type.name, () => null]),
          ),
          resolvers: { Country: { links } },
        }),
        fetchExchange,
      ],
    });
    const kindsOf = async (kinds: string[]) => {
      const result = await client
        .query(LINKS_OF_KINDS, { kinds }, { requestPolicy: 'cache-and-network' })
        .toPromise();
      expect(result.error).toBeUndefined();
      return new Set((result.data as LinksData).entity.links.edges.map((edge) => edge.node.kind));
    };
    expect(await kindsOf(['PERSON'])).toEqual(new Set(['PERSON']));
    expect(await kindsOf(['TREATY'])).toEqual(new Set(['TREATY']));
    expect(await kindsOf(['PERSON'])).toEqual(new Set(['PERSON']));
  });
});

describe('urql', () => {
  it('runs a query and a typed link list against the server', async () => {
    const client = new Client({
      url: 'http://test/graphql',
      exchanges: [cacheExchange, fetchExchange],
      fetch: fetchThroughApp,
    });
    const result = await client
      .query(
        `query ($id: ID!) {
          bilateralRelation(a: $id, b: "israel") {
            id
            agreements(first: 1) { totalCount nodes { name } }
          }
        }`,
        { id: 'russia' },
      )
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.bilateralRelation.agreements.totalCount).toBeGreaterThan(1);
    expect(result.data.bilateralRelation.agreements.nodes).toEqual([
      { __typename: 'Treaty', name: expect.any(String) },
    ]);
  });
});

describe('relay-compiler', () => {
  const require = createRequire(import.meta.url);
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relay-'));
    await mkdir(join(dir, 'src', '__generated__'), { recursive: true });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Fragments as a Relay app writes them: paginated link lists and refetchable objects.
  const SOURCES: Record<string, string> = {
    'CountryTreaties.ts': `graphql\`
      fragment CountryTreaties_country on Country
      @refetchable(queryName: "CountryTreatiesRefetchQuery")
      @argumentDefinitions(first: { type: "Int", defaultValue: 2 }, after: { type: "String" }) {
        name
        treaties(first: $first, after: $after) @connection(key: "CountryTreaties_treaties") {
          edges { role node { name signed { value precision } } }
        }
      }
    \`;`,
    'Relation.ts': `graphql\`
      fragment Relation_relation on BilateralRelation
      @refetchable(queryName: "RelationRefetchQuery")
      @argumentDefinitions(first: { type: "Int", defaultValue: 2 }, after: { type: "String" }) {
        a { name }
        b { name }
        agreements(first: $first, after: $after) @connection(key: "Relation_agreements") {
          edges { node { name } }
        }
      }
    \`;
    graphql\`
      query RelationQuery { bilateralRelation(a: "russia", b: "israel") { id ...Relation_relation } }
    \`;`,
  };

  it('compiles fragments with @connection and @refetchable, and its refetch query runs here', async () => {
    for (const [name, text] of Object.entries(SOURCES)) {
      await writeFile(
        join(dir, 'src', name),
        `import { graphql } from 'relay-runtime';\n${text}\n`,
      );
    }
    await writeFile(
      join(dir, 'relay.config.json'),
      JSON.stringify({
        src: './src',
        schema: SCHEMA_FILE,
        language: 'typescript',
        artifactDirectory: './src/__generated__',
      }),
    );
    const cli = require.resolve('relay-compiler/cli.js');
    const { stderr, stdout } = await promisify(execFile)(process.execPath, [cli], { cwd: dir });
    expect(`${stdout}${stderr}`).toContain('Compilation completed');

    const artifact = await readFile(
      join(dir, 'src', '__generated__', 'RelationRefetchQuery.graphql.ts'),
      'utf8',
    );
    const text = JSON.parse(/"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)?.[1] ?? '""') as string;
    expect(text).toContain('node(id: $id)');

    const { bilateralRelation } = await helper.ask<{ bilateralRelation: { id: string } }>(
      '{ bilateralRelation(a: "russia", b: "israel") { id } }',
    );
    const refetched = await helper.ask<{ node: Record<string, any> }>(text, {
      id: bilateralRelation.id,
      first: 2,
    });
    expect(refetched.node.__typename).toBe('BilateralRelation');
    expect(refetched.node.a.name).toBe('Russia');
    expect(refetched.node.agreements.edges).toHaveLength(2);
    expect(refetched.node.agreements.pageInfo.hasNextPage).toBe(true);
  }, 60_000);
});
