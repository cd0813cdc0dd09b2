import type { InterfaceRef } from '@pothos/core';
import { builder, type Types } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { Stored } from '../fields-plugin/global-types.ts';
import type { LinkRow } from '../planner/plan-types.ts';
import { CitationRef, linkCitations } from './citation.ts';
import { ClaimRef, linkClaim } from './claim.ts';
import type { EntityKindRef } from './entity-kind.ts';
import { LinkDirectionEnum, LinkTypeEnum } from './enums.ts';

/** An entity type: one kind (Country, …) or the Entity interface for lists of mixed kinds. */
export type EntityTypeRef = EntityKindRef | InterfaceRef<Types, EntityRow>;

/** An edge of a link list: the entity at the other end, and what the link says. */
export interface LinkEdge {
  cursor: string;
  node: EntityRow;
  link: LinkRow;
}

// One connection type per item type, shared by every field listing that type: a client writes one
// fragment per list type, and the schema holds a pair of types per item type, not one per field.
const listConnections = new Map<string, ReturnType<typeof listConnectionOf>>();
const linkConnections = new Map<string, ReturnType<typeof linkConnectionOf>>();

function listConnectionOf(type: EntityTypeRef) {
  return builder.connectionObject(
    {
      type,
      name: `${type.name}Connection`,
      description: `A page of a list of ${type.name} entities.`,
    },
    {
      name: `${type.name}Edge`,
      description: `A ${type.name} in a list, with its cursor.`,
    },
  );
}

/** The shared connection type `<Type>Connection` of plain lists of one entity type. */
export function listConnection(type: EntityTypeRef) {
  const found = listConnections.get(type.name) ?? listConnectionOf(type);
  listConnections.set(type.name, found);
  return found;
}

const linkOf = (edge: unknown) => (edge as LinkEdge).link;

/** A link's own properties, where its edge's stored fields read. */
const linkProperties = (edge: unknown): Stored => linkOf(edge).properties;

function linkConnectionOf(type: EntityTypeRef) {
  return builder.connectionObject(
    {
      type,
      name: `${type.name}LinkConnection`,
      description: `A page of links to ${type.name} entities, each with what the link says.`,
    },
    {
      name: `${type.name}LinkEdge`,
      description: `A link to a ${type.name}: what it means, when it holds, and who says so.`,
      fields: (e) => ({
        type: e.field({
          type: LinkTypeEnum,
          description: 'What the link means.',
          resolve: (edge) => linkOf(edge).type,
        }),
        direction: e.field({
          type: LinkDirectionEnum,
          description: 'OUTGOING when the link points from the parent entity to this node.',
          resolve: (edge) => linkOf(edge).direction,
        }),
        role: e.text('role', {
          of: linkProperties,
          description: 'How the entity takes part: an office, a role, "de jure", …',
        }),
        accordingToSlug: e.text('accordingTo', {
          of: linkProperties,
          description:
            'Slug of the statement or actor the document attributes the link to ("according to …", ' +
            '"… said"); null when the document states it itself.',
        }),
        claim: e.properties(['accordingTo', 'quoting', 'sources'], {
          type: ClaimRef,
          of: linkProperties,
          description:
            'Whose claim the link is: attributed to a statement or actor, or stated by the ' +
            'documents themselves, and which documents report it.',
          from: linkClaim,
        }),
        ordinal: e.text('ordinal', {
          of: linkProperties,
          description: 'The document’s "first" or "last" (the last holder of an office), if said.',
        }),
        date: e.date('date', {
          of: linkProperties,
          description: 'When the linked fact happened, if dated.',
        }),
        validFrom: e.date('validFrom', {
          of: linkProperties,
          description: 'From when the link holds, if stated.',
        }),
        validTo: e.date('validTo', {
          of: linkProperties,
          description: 'Until when the link holds, if stated (periods are half-open).',
        }),
        note: e.property('notes', {
          type: 'String',
          nullable: true,
          of: linkProperties,
          description: "A curator's note on the link, if any.",
          from: (notes) =>
            (notes as string[] | undefined)?.filter((note) => note !== '').join(' ') || null,
        }),
        citations: e.properties(['sources', 'quotes', 'notes'], {
          type: [CitationRef],
          of: linkProperties,
          description: 'The documents and verbatim quotes that state the link.',
          from: linkCitations,
        }),
      }),
    },
  );
}

/** The shared connection type `<Type>LinkConnection` of link lists to one entity type. */
export function linkConnectionType(type: EntityTypeRef) {
  const found = linkConnections.get(type.name) ?? linkConnectionOf(type);
  linkConnections.set(type.name, found);
  return found;
}

// `t.links` (fields-plugin/) builds each link list on the shared connection type of its target.
builder.linkLists({ connection: linkConnectionType });
