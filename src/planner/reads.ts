import type { GraphQLField } from 'graphql';
import type { LinkSpec } from './plan-types.ts';

/**
 * What a field reads, for the planner: declared with the field's `reads` option (the field
 * builder methods of fields-plugin/ declare it for the fields they build) and kept in its
 * `plannerReads` extension. A link list says how its arguments make a LinkSpec; `citations` marks
 * an entity's citations; `properties` names the entity (or link) properties a field's resolver
 * reads (none for a field answered from id and kind alone). A field that declares nothing makes
 * the planner read the whole entity (or link).
 */
export type Reads =
  | { links: (args: Record<string, unknown>) => LinkSpec }
  | { properties: readonly string[] }
  | 'citations';

declare module 'graphql' {
  // biome-ignore lint/suspicious/noExplicitAny: matches graphql-js's declaration
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs = any> {
    plannerReads?: Reads;
  }
}

/** What a field of the schema declares it reads. */
export const readsOf = (field: GraphQLField<unknown, unknown> | undefined): Reads | undefined =>
  field?.extensions.plannerReads;

/** The properties a field declares it reads, or null when it declares none. */
export const propertiesRead = (reads: Reads | undefined): readonly string[] | null =>
  reads && typeof reads === 'object' && 'properties' in reads ? reads.properties : null;
