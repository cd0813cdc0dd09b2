import {
  FieldBuilder,
  type FieldKind,
  type FieldNullability,
  type FieldRef,
  type MaybePromise,
  type SchemaTypes,
  type ShapeFromTypeParam,
  type TypeParam,
} from '@pothos/core';
import type { EntityRow } from '../db/entity-row.ts';
import { readsExtension } from '../planner/reads.ts';
import {
  type DateDetail,
  DateDetailRef,
  dateDetailOf,
  dateDetailProperties,
} from '../schema/date-detail.ts';

// Field builder methods for fields answered from stored properties: each declares the properties
// it reads (planner/reads.ts) and hands its resolver those alone, so a field built with them
// cannot read more than the planner fetched.

/** Stored properties: an entity row, or a link's properties. */
export type Stored = Readonly<Record<string, unknown>>;

/** Where a parent's stored properties are (a link's, for an edge). */
type StoredOf<ParentShape> = (parent: ParentShape) => Stored;

/** Where a field finds its properties: an entity row's are the row itself, else `of` says. */
type StoredIn<ParentShape> = ParentShape extends EntityRow
  ? { of?: StoredOf<ParentShape> }
  : { of: StoredOf<ParentShape> };

/** The options of a field read from stored properties: a field's options without a resolver. */
type StoredFieldOptions<
  Types extends SchemaTypes,
  ParentShape,
  Type extends TypeParam<Types>,
  Nullable extends FieldNullability<Type>,
> = Omit<
  PothosSchemaTypes.FieldOptions<
    Types,
    ParentShape,
    Type,
    Nullable,
    Record<string, never>,
    ParentShape,
    unknown
  >,
  'args' | 'extensions'
> &
  StoredIn<ParentShape>;

/** Options of a field that needs no more than its description and where its properties are. */
type PlainOptions<ParentShape> = { description: string } & StoredIn<ParentShape>;

declare global {
  export namespace PothosSchemaTypes {
    export interface FieldBuilder<
      Types extends SchemaTypes,
      ParentShape,
      Kind extends FieldKind = FieldKind,
    > {
      /**
       * A field answered from one stored property: `from` turns its value into the answer (the
       * value as stored when absent).
       */
      property: <
        Type extends TypeParam<Types>,
        Nullable extends FieldNullability<Type> = Types['DefaultFieldNullability'],
      >(
        name: string,
        options: StoredFieldOptions<Types, ParentShape, Type, Nullable> & {
          from?: (
            value: unknown,
            context: Types['Context'],
          ) => MaybePromise<ShapeFromTypeParam<Types, Type, Nullable>>;
        },
      ) => FieldRef<Types, ShapeFromTypeParam<Types, Type, Nullable>, Kind>;
      /** A field answered from several stored properties, handed to `from` alone. */
      properties: <
        Type extends TypeParam<Types>,
        Nullable extends FieldNullability<Type> = Types['DefaultFieldNullability'],
      >(
        names: readonly string[],
        options: StoredFieldOptions<Types, ParentShape, Type, Nullable> & {
          from: (stored: Stored) => ShapeFromTypeParam<Types, Type, Nullable>;
        },
      ) => FieldRef<Types, ShapeFromTypeParam<Types, Type, Nullable>, Kind>;
      /** A nullable String from a stored property: null when it holds no string. */
      text: (
        name: string,
        options: PlainOptions<ParentShape>,
      ) => FieldRef<Types, string | null, Kind>;
      /** A date stored as `<name>`, `<name>Start`, … with its precision; null when absent. */
      date: (
        name: string,
        options: PlainOptions<ParentShape>,
      ) => FieldRef<Types, DateDetail | null, Kind>;
    }
  }
}

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
  options: Omit<PothosSchemaTypes.FieldOptions<SchemaTypes>, 'args' | 'extensions'>,
  answer: (parent: unknown, context: unknown) => unknown,
): never {
  return t.field({
    ...options,
    extensions: readsExtension({ properties: [...names] }),
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

proto.date = function date(name, { of, description }) {
  const options = { type: DateDetailRef, nullable: true, description };
  return storedField(this, dateDetailProperties(name), options, (parent) =>
    dateDetailOf(storedOf(parent, of), name),
  );
};
