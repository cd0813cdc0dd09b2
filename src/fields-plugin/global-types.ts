import type {
  FieldKind,
  FieldNullability,
  FieldRef,
  InputFieldMap,
  InputShapeFromFields,
  InterfaceRef,
  MaybePromise,
  ObjectRef,
  SchemaTypes,
  ShapeFromTypeParam,
  TypeParam,
} from '@pothos/core';
import type { DateDetail } from '../db/date-detail.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { DatedKind, DateName } from '../knowledge/vocabulary.ts';
import type { LinkSpec } from '../planner/plan-types.ts';
import type { Reads } from '../planner/reads.ts';
import type { PlannedFieldsPlugin } from './plugin.ts';

// The field builder methods of fields built from stored properties and of link lists: each
// declares what it reads (planner/reads.ts), and a stored field's resolver sees those properties
// alone, so a field cannot read more than the planner fetched.

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
  'args' | 'extensions' | 'reads'
> &
  StoredIn<ParentShape>;

/** Options of a field that needs no more than its description and where its properties are. */
type PlainOptions<ParentShape> = { description: string } & StoredIn<ParentShape>;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      plannedFields: PlannedFieldsPlugin<Types>;
    }

    export interface FieldOptions<
      Types extends SchemaTypes,
      ParentShape,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveShape,
      ResolveReturnShape,
    > {
      /** What the field reads, for the planner (planner/reads.ts). */
      reads?: Reads;
    }

    export interface SchemaBuilder<Types extends SchemaTypes> {
      /**
       * The connection type of the link lists to each target, for `t.links`: given once, before
       * the schema is built (link lists are built with it, whatever order types are declared in).
       */
      linkLists: (options: LinkListsOptions<Types>) => void;
    }

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
      /** The date fields of an entity kind, one per date the vocabulary declares (KIND_DATES). */
      dates: <K extends DatedKind>(
        kind: ParentShape extends EntityRow ? K : never,
      ) => { [Name in DateName<K>]: FieldRef<Types, DateDetail | null, Kind> };
      /**
       * A Relay connection over the entity's links that `spec` selects, declared to the planner so
       * the plan of the root field reads its pages.
       */
      links: <Args extends InputFieldMap = Record<string, never>>(
        options: ParentShape extends EntityRow ? LinkListOptions<Types, Args> : never,
      ) => FieldRef<Types, unknown, Kind>;
    }
  }
}

/** The entity type at the other end of a link list: one kind, or an interface for mixed kinds. */
export type LinkTarget<Types extends SchemaTypes> =
  | ObjectRef<Types, EntityRow | string, EntityRow>
  | InterfaceRef<Types, EntityRow>;

/** What a link list is: its target type, description, and how its arguments select links. */
export interface LinkListOptions<Types extends SchemaTypes, Args extends InputFieldMap> {
  target: LinkTarget<Types>;
  description: string;
  spec: (args: InputShapeFromFields<Args>) => Omit<LinkSpec, 'order'>;
  args?: Args;
}

/** What `t.links` takes from the schema: the shared connection type of lists to a target. */
export interface LinkListsOptions<Types extends SchemaTypes> {
  connection: (target: LinkTarget<Types>) => ObjectRef<Types, unknown>;
}
