import type { InputFieldMap, InputShapeFromFields, InterfaceRef, ObjectRef } from '@pothos/core';
import type { builder } from '../builder.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { LinkRow, LinkSpec } from '../db/link-repository.ts';
import { CitationRef, linkCitations } from './citation.ts';
import { DateDetailRef, dateDetailOf, dateDetailProperties } from './date-detail.ts';
import { LinkDirectionEnum, LinkTypeEnum } from './enums.ts';
import { linkPageLoader } from './loaders.ts';
import { connectionExpansion, readsExtension } from './lookahead.ts';
import { connectionOf, windowOf } from './pagination.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type EntityFieldBuilder = PothosSchemaTypes.FieldBuilder<Types, EntityRow, 'Object' | 'Interface'>;

/** An edge of a link list: the entity at the other end, and what the link says. */
export interface LinkEdge {
  node: EntityRow;
  link: LinkRow;
}

interface LinkConnectionOptions<Args extends InputFieldMap> {
  target: ObjectRef<Types, EntityRow> | InterfaceRef<Types, EntityRow>;
  description: string;
  spec: (args: InputShapeFromFields<Args>) => LinkSpec;
  args?: Args;
}

/**
 * A Relay connection over an entity's links, each edge carrying the link's type, direction, role,
 * time and citations. Batched: one query for all the parents of a level, and that query also reads
 * what the client selected below it (see lookahead.ts).
 */
export function linkConnection<Args extends InputFieldMap>(
  t: EntityFieldBuilder,
  options: LinkConnectionOptions<Args>,
) {
  return t.connection(
    {
      type: options.target as ObjectRef<Types, EntityRow>,
      description: options.description,
      args: options.args ?? ({} as Args),
      extensions: readsExtension({
        links: (args) => options.spec(args as InputShapeFromFields<Args>),
      }),
      resolve: async (parent, args, ctx, info) => {
        const spec = options.spec(args as InputShapeFromFields<Args>);
        const { expansion, edgeProperties, counted } = connectionExpansion(info);
        const window = windowOf(args);
        const loader = linkPageLoader(ctx, spec, window, expansion, edgeProperties, counted);
        const page = await loader.load(parent.id);
        return connectionOf(page, (link) => ({ node: link.node, link }));
      },
    },
    {
      description: `A page of links: ${options.description}`,
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many links the list has in all.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    {
      description: 'A link to another entity: what it means, when it holds, and who says so.',
      fields: (e) => ({
        type: e.field({
          type: LinkTypeEnum,
          description: 'What the link means.',
          resolve: (edge) => (edge as unknown as LinkEdge).link.type,
        }),
        direction: e.field({
          type: LinkDirectionEnum,
          description: 'OUTGOING when the link points from the parent entity to this node.',
          resolve: (edge) => (edge as unknown as LinkEdge).link.direction,
        }),
        role: e.string({
          nullable: true,
          description: 'How the entity takes part: an office, a role, "de jure", …',
          extensions: readsExtension({ properties: ['role'] }),
          resolve: (edge) => linkProperty(edge, 'role'),
        }),
        accordingToSlug: e.string({
          nullable: true,
          description:
            'Slug of the statement or actor the document attributes the link to ("according to …", ' +
            '"… said"); null when the document states it itself. See `accordingTo`.',
          extensions: readsExtension({ properties: ['accordingTo'] }),
          resolve: (edge) => linkProperty(edge, 'accordingTo'),
        }),
        date: e.field({
          type: DateDetailRef,
          nullable: true,
          description: 'When the linked fact happened, if dated.',
          extensions: readsExtension({ properties: dateDetailProperties('date') }),
          resolve: (edge) => dateDetailOf((edge as unknown as LinkEdge).link.properties, 'date'),
        }),
        validFrom: e.field({
          type: DateDetailRef,
          nullable: true,
          description: 'From when the link holds, if stated.',
          extensions: readsExtension({ properties: dateDetailProperties('validFrom') }),
          resolve: (edge) =>
            dateDetailOf((edge as unknown as LinkEdge).link.properties, 'validFrom'),
        }),
        validTo: e.field({
          type: DateDetailRef,
          nullable: true,
          description: 'Until when the link holds, if stated (periods are half-open).',
          extensions: readsExtension({ properties: dateDetailProperties('validTo') }),
          resolve: (edge) => dateDetailOf((edge as unknown as LinkEdge).link.properties, 'validTo'),
        }),
        note: e.string({
          nullable: true,
          description: "A curator's note on the link, if any.",
          extensions: readsExtension({ properties: ['notes'] }),
          resolve: (edge) => {
            const notes = (edge as unknown as LinkEdge).link.properties.notes as
              | string[]
              | undefined;
            return notes?.filter((note) => note !== '').join(' ') || null;
          },
        }),
        citations: e.field({
          type: [CitationRef],
          description: 'The documents and verbatim quotes that state the link.',
          extensions: readsExtension({ properties: ['sources', 'quotes', 'notes'] }),
          resolve: (edge) => linkCitations((edge as unknown as LinkEdge).link.properties),
        }),
      }),
    },
  );
}

function linkProperty(edge: unknown, name: string): string | null {
  const value = (edge as LinkEdge).link.properties[name];
  return typeof value === 'string' ? value : null;
}
