import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { ForbiddenError, UnauthenticatedError } from './auth/errors.ts';
import { allows } from './auth/roles.ts';
import type { Context } from './context.ts';
import type { DateDetail } from './db/date-detail.ts';
import type { EntityOrder } from './db/order.ts';
import { AppError, ValidationError } from './errors.ts';
import PlannedFieldsPlugin from './fields-plugin/index.ts';
import type { PartialDate } from './knowledge/partial-date.ts';
import { ENTITY_KINDS } from './knowledge/vocabulary.ts';

/** The types whose objects have global ids. */
const NODE_TYPES = new Set<string>([...ENTITY_KINDS, 'Document', 'BilateralRelation']);

/** Decodes a global id, refusing one that names no node type of this API. */
function decodeNodeId(globalID: string) {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw new ValidationError(`"${globalID}" is not an id of this API: not a global id`);
  }
  if (!NODE_TYPES.has(decoded.typename)) {
    throw new ValidationError(
      `"${globalID}" is not an id of this API: ${decoded.typename} objects have no global ids`,
    );
  }
  return decoded;
}

/** The most ids `nodes(ids:)` takes in one call. */
export const MAX_NODES_IDS = 100;

/** The one schema builder: plugins, scalars and the context type. Object types live in schema/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  // Every connection resolver returns its list's total (see schema/pagination.ts connectionOf).
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    PartialDate: { Input: PartialDate; Output: PartialDate };
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  // Roles, each allowed what the ones before it are (auth/roles.ts).
  AuthScopes: { curator: boolean; editor: boolean; admin: boolean };
  // Named here so the field builder methods (fields-plugin/) use them without importing schema/.
  Objects: { DateDetail: DateDetail };
  Inputs: { EntityOrder: EntityOrder };
}>({
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    DataloaderPlugin,
    RelayPlugin,
    ValidationPlugin,
    PlannedFieldsPlugin,
  ],
  scopeAuth: {
    authScopes: (ctx) => ({
      curator: ctx.user !== null && allows(ctx.user.role, 'curator'),
      editor: ctx.user !== null && allows(ctx.user.role, 'editor'),
      admin: ctx.user !== null && allows(ctx.user.role, 'admin'),
    }),
    // Anonymous: say how to sign in (401); signed in: the role may not do this.
    unauthorizedError: (_parent, ctx, info) =>
      ctx.user === null
        ? new UnauthenticatedError(
            `${info.fieldName} needs an API key: send it as "Authorization: Bearer <key>"`,
          )
        : new ForbiddenError(`the ${ctx.user.role} role may not use ${info.fieldName}`),
  },
  defaultFieldNullability: false,
  errors: { defaultTypes: [AppError] },
  // An argument its schema refuses is the client's to fix: BAD_USER_INPUT, in the schema's words.
  validation: {
    validationError: ({ issues }) =>
      new ValidationError(issues.map((issue) => issue.message).join('; ')),
  },
  relay: {
    clientMutationId: 'omit',
    decodeGlobalID: decodeNodeId,
    idFieldOptions: { description: 'Opaque global id, for `node(id:)` and client caches.' },
    cursorType: 'String',
    edgesFieldOptions: {
      nullable: false,
      description: 'The items of this page, each with its cursor.',
    },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque position of this item, for `after` or `before`.' },
    pageInfoFieldOptions: { description: 'Where this page lies in the whole list.' },
    firstArgOptions: {
      description: 'Page size from the start (or after `after`): 1 to 100, default 20.',
    },
    afterArgOptions: { description: 'Start after the item with this cursor.' },
    lastArgOptions: { description: 'Page size from the end (or before `before`): 1 to 100.' },
    beforeArgOptions: { description: 'End before the item with this cursor.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page.' },
    pageInfoTypeOptions: { description: 'Relay page information.' },
    nodesOnConnection: {
      description: 'The items of this page, without cursors: `edges { node }` for short.',
    },
    nodeTypeOptions: { description: 'An object with a global id, fetchable with `node(id:)`.' },
    nodeQueryOptions: {
      description:
        'Any object by its global id; null when none has it. An id this API never issues is an error.',
      args: { id: { description: 'A global id, as returned in `id` fields.' } },
    },
    nodesQueryOptions: {
      description: `Objects by their global ids (at most ${MAX_NODES_IDS}), in the same order; null for unknown ids.`,
      args: { ids: { description: 'Global ids, as returned in `id` fields.' } },
      resolve: (_root, { ids }, _context, _info, resolveNodes) => {
        if (ids.length > MAX_NODES_IDS) {
          throw new ValidationError(
            `ids must hold at most ${MAX_NODES_IDS} ids; got ${ids.length}`,
          );
        }
        return resolveNodes(ids);
      },
    },
  },
});

builder.queryType({ description: 'Entry points into the knowledge graph.' });
builder.mutationType({
  description:
    'Writes (an API key needed): each checked as the import checks a source file, and made with its revision in one transaction.',
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the list has in all.',
    resolve: (connection) => connection.totalCount,
  }),
);

/** The builder's type parameters, for helpers that take field builders or refs. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
