import type { LinkSpec } from './plan-types.ts';

/**
 * What a field reads, for the planner: set as the field's `extensions.reads` by the field builder
 * methods that build it (fields-plugin/field-builder.ts, the link lists of schema/link-connection.ts). A
 * link list says how its arguments make a LinkSpec; `citations` marks an entity's citations;
 * `properties` names the entity (or link) properties a field's resolver reads (none for a field
 * answered from id and kind alone). A field that declares nothing makes the planner read the
 * whole entity (or link).
 */
export type Reads =
  | { links: (args: Record<string, unknown>) => LinkSpec }
  | { properties: readonly string[] }
  | 'citations';

/** The `extensions` of a field that reads `reads`. */
export const readsExtension = (reads: Reads) => ({ reads });

/** The properties a field declares it reads, or null when it declares none. */
export const propertiesRead = (reads: Reads | undefined): readonly string[] | null =>
  reads && typeof reads === 'object' && 'properties' in reads ? reads.properties : null;
