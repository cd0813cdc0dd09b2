import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { astId } from './ast-ids.ts';

/**
 * What a walk over a document needs: the schema and the document's fragments; with the request's
 * variables, also which selections `@skip` and `@include` leave out.
 */
export interface DocumentScope {
  schema: GraphQLSchema;
  fragment(name: string): FragmentDefinitionNode | undefined | null;
  variables?: Record<string, unknown>;
}

/**
 * The selections of one field under one response name on one type, merged as graphql-js merges
 * them: `{ a: links { x } a: links { y } }` is one group whose sub-selections are walked together.
 */
export interface FieldGroup {
  /** The type the field is selected on. */
  parent: GraphQLCompositeType;
  definition: GraphQLField<unknown, unknown>;
  nodes: readonly FieldNode[];
}

/** A group while its fields are being collected. */
interface Collected extends FieldGroup {
  nodes: FieldNode[];
}

/**
 * How many selections one walk may visit (fields, fragment spreads, inline fragments), each
 * fragment counted once per selection set it is spread in. A document within the token limit stays
 * far below it; the bound keeps an analysis linear whatever the document, as Apollo Router's
 * `MAX_RECURSIVE_SELECTIONS` does.
 */
export const MAX_SELECTIONS = 100_000;

const SELECTIONS_EXCEEDED = 'MAX_SELECTIONS_EXCEEDED';

/** The error a walk throws past its bound; the depth and cost limits report it as a refusal. */
export const isSelectionLimitError = (error: unknown) =>
  (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === SELECTIONS_EXCEEDED;

const IN_PROGRESS = Symbol('in progress');

/**
 * One walk over a document, shared by the depth limit, the cost limit and the planner. It visits
 * each fragment once per selection set it is spread in (as graphql-js's `collectFields` does) and
 * remembers what it computed per (selection sets, type, context), so analysing an operation takes
 * time linear in its size: a fragment spread twice in each of 90 fragments is walked 90 times, not
 * 2^90.
 */
export class SelectionWalk {
  private readonly memo = new Map<string, unknown>();
  private visited = 0;

  constructor(
    readonly scope: DocumentScope,
    private readonly maxSelections = MAX_SELECTIONS,
  ) {}

  /** A key naming these AST nodes, for memoising. */
  keyOf(nodes: readonly object[]): string {
    return nodes.map(astId).join(',');
  }

  /**
   * `compute()` once per key. A key asked for again while it is being computed (a fragment cycle,
   * which validation refuses anyway) gets `onCycle`.
   */
  remember<T>(key: string, onCycle: T, compute: () => T): T {
    const known = this.memo.get(key);
    if (known === IN_PROGRESS) return onCycle;
    if (known !== undefined || this.memo.has(key)) return known as T;
    this.memo.set(key, IN_PROGRESS);
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  /**
   * The fields `sets` select on `parent`, inline fragments and spreads flattened, grouped by the
   * type selected on and the response name. Introspection fields (`__schema`, `__type`,
   * `__typename`) and unknown fields or fragments (validation reports them) are left out; with the
   * scope's variables, so are the selections `@skip`/`@include` leave out.
   */
  fields(sets: readonly SelectionSetNode[], parent: GraphQLCompositeType): FieldGroup[] {
    return this.remember(`fields:${parent.name}:${this.keyOf(sets)}`, [], () => {
      const groups = new Map<string, Collected>();
      const spread = new Set<string>();
      for (const set of sets) this.collect(set, parent, groups, spread);
      return [...groups.values()];
    });
  }

  /** The fields selected below a group (on the type it returns); none below a leaf. */
  below(group: FieldGroup): FieldGroup[] {
    const type = getNamedType(group.definition.type);
    const sets = group.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    return isCompositeType(type) && sets.length > 0 ? this.fields(sets, type) : [];
  }

  private collect(
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    groups: Map<string, Collected>,
    spread: Set<string>,
  ): void {
    for (const selection of set.selections) {
      this.count();
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const definition = parent.getFields()[name];
        if (!definition) continue;
        const key = `${parent.name}.${selection.alias?.value ?? name}`;
        const group = groups.get(key);
        if (group) group.nodes.push(selection);
        else groups.set(key, { parent, definition, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.scope.schema.getType(selection.typeCondition.name.value)
          : parent;
        if (isCompositeType(type)) this.collect(selection.selectionSet, type, groups, spread);
      } else {
        const name = selection.name.value;
        if (spread.has(name)) continue;
        spread.add(name);
        const fragment = this.scope.fragment(name);
        const type = fragment && this.scope.schema.getType(fragment.typeCondition.name.value);
        if (fragment && isCompositeType(type))
          this.collect(fragment.selectionSet, type, groups, spread);
      }
    }
  }

  private count(): void {
    this.visited += 1;
    if (this.visited > this.maxSelections) {
      // A request error as the limits of src/security report theirs: 400 with the GraphQL media type.
      throw new GraphQLError(
        `Selection limit of ${this.maxSelections} exceeded: the operation's fragments expand to ` +
          'more selections than any query needs.',
        { extensions: { code: SELECTIONS_EXCEEDED, http: { status: 400, spec: true } } },
      );
    }
  }

  /** False for a selection `@skip(if: true)` or `@include(if: false)` leaves out. */
  private included(node: SelectionNode): boolean {
    const { variables } = this.scope;
    if (!variables || !node.directives?.length) return true;
    return (
      getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false
    );
  }
}

const hasFields = (type: GraphQLCompositeType, ...names: string[]) =>
  isObjectType(type) && names.every((name) => name in type.getFields());

/**
 * True for the Relay plumbing between two levels of data: `edges`, `nodes` and `pageInfo` of a
 * connection (a type with `edges` and `pageInfo`), and `node` of an edge (a type with `node` and `cursor`).
 */
export function isConnectionWrapper(parent: GraphQLCompositeType, field: string): boolean {
  if (field === 'edges' || field === 'nodes' || field === 'pageInfo') {
    return hasFields(parent, 'edges', 'pageInfo');
  }
  if (field === 'node') return hasFields(parent, 'node', 'cursor');
  return false;
}

/** The named type a group's field returns. */
export const typeOf = (group: FieldGroup): GraphQLNamedType => getNamedType(group.definition.type);
