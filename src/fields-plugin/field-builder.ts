import {
  FieldBuilder,
  type FieldKind,
  type InputFieldMap,
  type InputShapeFromFields,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { dateDetailOf, dateDetailProperties } from '../db/date-detail.ts';
import type { EntityRow } from '../db/entity-row.ts';
import { BY_DATE, type EntityOrder } from '../db/order.ts';
import { KIND_DATES } from '../knowledge/vocabulary.ts';
import { windowOf } from '../paging.ts';
import { connectionPlan } from '../planner/plan.ts';
import type { LinkSpec } from '../planner/plan-types.ts';
import { plannedPage } from '../planner/planned.ts';
import { linkPageLoader } from '../schema/loaders.ts';
import { connectionOf } from '../schema/pagination.ts';
import type { LinkListOptions, Stored } from './global-types.ts';
import { linkListsOf } from './link-lists.ts';

type AnyFieldBuilder = PothosSchemaTypes.FieldBuilder<SchemaTypes, unknown, FieldKind>;
const proto: AnyFieldBuilder = FieldBuilder.prototype;

/** The stored properties of `parent`: the row itself unless `of` says where. */
const storedOf = (parent: unknown, of: ((parent: never) => Stored) | undefined): Stored =>
  of ? of(parent as never) : (parent as Stored);

/**
 * A field of `t` reading `names` of its parent's stored properties. The methods' signatures type
 * the answer against the field's type; within, `field` sees a resolver of unknown answer (`never`).
 * `field` also types its ref before plugins extend it, though at run time every ref has what they
 * add (as plugin-validation's `validate`): the ref is returned as the one users hold (`never`).
 */
function storedField(
  t: AnyFieldBuilder,
  names: readonly string[],
  // Scope-auth's options are typed by the field's arguments, which a stored field has none of.
  options: Omit<
    PothosSchemaTypes.FieldOptions<SchemaTypes>,
    | 'args'
    | 'extensions'
    | 'reads'
    | 'authScopes'
    | 'grantScopes'
    | 'unauthorizedError'
    | 'unauthorizedResolver'
  >,
  answer: (parent: unknown, context: unknown) => unknown,
): never {
  return t.field({
    ...options,
    reads: { properties: [...names] },
    resolve: (parent: unknown, _args: unknown, context: unknown) =>
      answer(parent, context) as never,
  }) as never;
}

proto.properties = function properties(names, { of, from, ...options }) {
  return storedField(this, names, options, (parent) => {
    const stored = storedOf(parent, of);
    // Only the declared properties: what the planner fetched, and nothing a row holds besides.
    return from(Object.fromEntries(names.map((name) => [name, stored[name]])));
  });
};

proto.property = function property(name, { of, from, ...options }) {
  return storedField(this, [name], options, (parent, context) => {
    const value = storedOf(parent, of)[name];
    return from ? from(value, context as SchemaTypes['Context']) : value;
  });
};

proto.text = function text(name, { of, description }) {
  const options = { type: 'String', nullable: true, description } as const;
  return storedField(this, [name], options, (parent) => {
    const value = storedOf(parent, of)[name];
    return typeof value === 'string' ? value : null;
  });
};

/** A DateDetail field read from the flat properties of the date `name`. */
function dateField(
  t: AnyFieldBuilder,
  name: string,
  description: string,
  of: ((parent: never) => Stored) | undefined,
): never {
  // By name: the DateDetail type is implemented in schema/date-detail.ts, named in builder.ts.
  const options = { type: 'DateDetail' as never, nullable: true, description };
  return storedField(t, dateDetailProperties(name), options, (parent) =>
    dateDetailOf(storedOf(parent, of), name),
  );
}

proto.date = function date(name, { of, description }) {
  return dateField(this, name, description, of);
};

proto.dates = function dates(kind) {
  const declared: Record<string, { description: string }> = KIND_DATES[kind];
  return Object.fromEntries(
    Object.entries(declared).map(([name, { description }]) => [
      name,
      dateField(this, name, description, undefined),
    ]),
  ) as never;
};

const sortedUnique = <T extends string>(names: readonly T[]): T[] => [...new Set(names)].sort();

/** The order a link list's `orderBy` argument asks for. */
const orderOf = (args: Record<string, unknown>): EntityOrder =>
  (args.orderBy as EntityOrder | null | undefined) ?? BY_DATE;

/**
 * A Relay connection over an entity's links, typed by the entity at the other end, each edge
 * carrying the link's type, direction, role, time and citations. The page is read by the plan of
 * the root field (planner/), with the parent; a parent the plan did not read (an entity fetched by
 * id) has its pages loaded in one batch per level, with everything selected below them.
 */
proto.links = function links<Args extends InputFieldMap>(
  this: AnyFieldBuilder,
  options: LinkListOptions<SchemaTypes, Args>,
) {
  const specOf = (args: Record<string, unknown>): LinkSpec => {
    const { types, kinds, direction } = options.spec(args as InputShapeFromFields<Args>);
    // Sorted and unique: `[CITES, PARTY_TO]` and `[PARTY_TO, CITES, CITES]` are one request.
    return {
      types: sortedUnique(types),
      direction,
      ...(kinds ? { kinds: sortedUnique(kinds) } : {}),
      order: orderOf(args),
    };
  };
  const orderBy = this.arg({
    // By name: the EntityOrder input is implemented in schema/entity-order.ts, named in builder.ts.
    type: 'EntityOrder' as never,
    required: false,
    description: `How to order the list; by default {field: ${BY_DATE.field}, direction: ${BY_DATE.direction}}.`,
  });
  return this.connection(
    {
      type: options.target,
      description: options.description,
      args: { ...options.args, orderBy },
      reads: { links: specOf },
      resolve: async (
        parent: EntityRow,
        args: Record<string, unknown>,
        ctx: Context,
        info: GraphQLResolveInfo,
      ) => {
        const planned = plannedPage(parent, String(info.path.key));
        if (planned) return connectionOf(planned, (link) => ({ node: link.node, link }));
        // Planned here only for a parent no plan read (an entity fetched by id, a search hit).
        const plan = connectionPlan(info);
        const window = windowOf(args, plan.asks);
        const page = await linkPageLoader(ctx, specOf(args), window, plan).load(parent.id);
        return connectionOf(page, (link) => ({ node: link.node, link }));
      },
    } as never,
    linkListsOf(this.builder).connection(options.target) as never,
  ) as never;
};
