import { builder, type Types } from '../builder.ts';
import { dateDetailOf } from '../db/date-detail.ts';
import type { EntityRow } from '../db/entity-row.ts';
import {
  type GraphLink,
  MAX_DEPTH,
  MAX_EDGES,
  MAX_HOPS,
  MAX_NODES,
} from '../db/graph-repository.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { graphPlan } from '../planner/plan.ts';
import { CitationRef, linkCitations } from './citation.ts';
import { DateDetailRef } from './date-detail.ts';
import { EntityRef } from './entity.ts';
import { ENTITY_ARG_FORMS, namedSlug } from './entity-arg.ts';
import { LinkDirectionEnum, LinkTypeEnum } from './enums.ts';

const DEFAULT_HOPS = 4;
const DEFAULT_DEPTH = 1;
const DEFAULT_LIMIT = 50;
/** Neighbourhood edge fields answered without the link's properties. */
const PLAIN_EDGE_FIELDS = new Set(['__typename', 'type', 'source', 'target']);

/** A link on a path, and whether it points the way the path goes. */
interface PathLink extends GraphLink {
  forward: boolean;
}

interface PathResult {
  nodes: EntityRow[];
  edges: PathLink[];
}

interface NeighborhoodResult {
  center: EntityRow;
  nodes: EntityRow[];
  edges: GraphLink[];
  truncated: boolean;
}

const text = (link: GraphLink, name: string) => {
  const value = link.properties[name];
  return typeof value === 'string' ? value : null;
};

/** The fields every drawn link has: what it means, how, when, and who says so. */
function linkFields<Link extends GraphLink>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Link>) {
  return {
    type: t.field({
      type: LinkTypeEnum,
      description: 'What the link means.',
      resolve: (l) => l.type,
    }),
    role: t.string({
      nullable: true,
      description: 'How the entity takes part: an office, a role, "de jure", …',
      resolve: (l) => text(l, 'role'),
    }),
    date: t.field({
      type: DateDetailRef,
      nullable: true,
      description: 'When the linked fact happened, if dated.',
      resolve: (l) => dateDetailOf(l.properties, 'date'),
    }),
    citations: t.field({
      type: [CitationRef],
      description: "The documents and verbatim quotes that state the link, with curators' notes.",
      resolve: (l) => linkCitations(l.properties),
    }),
  };
}

export const PathEdgeRef = builder.objectRef<PathLink>('PathEdge').implement({
  description: 'The link between two consecutive entities of a path, as stored (from → to).',
  fields: (t) => ({
    from: t.string({
      description: 'Slug of the entity the link points from.',
      resolve: (l) => l.from,
    }),
    to: t.string({ description: 'Slug of the entity the link points to.', resolve: (l) => l.to }),
    direction: t.field({
      type: LinkDirectionEnum,
      description:
        'OUTGOING when the link points the way the path goes (from nodes[i] to nodes[i+1]).',
      resolve: (l) => (l.forward ? 'OUTGOING' : 'INCOMING'),
    }),
    ...linkFields(t),
  }),
});

export const GraphEdgeRef = builder.objectRef<GraphLink>('GraphEdge').implement({
  description: 'A link between two entities of a neighborhood, as stored (source → target).',
  fields: (t) => ({
    id: t.string({
      description: 'Stable id of the link: type, source, target and its distinguishing key.',
      resolve: (l) => `${l.type}|${l.from}|${l.to}|${text(l, 'key') ?? ''}`,
    }),
    source: t.string({ description: 'Slug of the entity it points from.', resolve: (l) => l.from }),
    target: t.string({ description: 'Slug of the entity it points to.', resolve: (l) => l.to }),
    ...linkFields(t),
  }),
});

export const PathRef = builder.objectRef<PathResult>('Path').implement({
  description: 'A shortest chain of links between two entities (citations are never followed).',
  fields: (t) => ({
    nodes: t.field({
      type: [EntityRef],
      description: 'The entities in order, from `from` to `to`.',
      resolve: (p) => p.nodes,
    }),
    edges: t.field({
      type: [PathEdgeRef],
      description: 'The links in order: edges[i] joins nodes[i] and nodes[i+1].',
      resolve: (p) => p.edges,
    }),
    length: t.int({ description: 'How many links the path has.', resolve: (p) => p.edges.length }),
  }),
});

export const NeighborhoodRef = builder.objectRef<NeighborhoodResult>('Neighborhood').implement({
  description: 'An entity, the entities around it and the links among them, for a graph drawing.',
  fields: (t) => ({
    center: t.field({
      type: EntityRef,
      description: 'The entity asked for.',
      resolve: (n) => n.center,
    }),
    nodes: t.field({
      type: [EntityRef],
      description:
        'The center first, then entities by distance in links, the better connected first.',
      resolve: (n) => n.nodes,
    }),
    edges: t.field({
      type: [GraphEdgeRef],
      description: `Every link among the nodes (at most ${MAX_EDGES}).`,
      // Links are bounded by their own cap, not by `limit`: the cost counts that many.
      extensions: { maxItems: MAX_EDGES },
      resolve: (n) => n.edges,
    }),
    truncated: t.boolean({
      description: 'True when more entities were within reach than `limit`, or more links.',
      resolve: (n) => n.truncated,
    }),
  }),
});

/** Checks an optional integer argument; null (or absent) means its default. */
function checkRange(name: string, given: number | null | undefined, fallback: number, max: number) {
  const value = given ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ValidationError(`${name} must be between 1 and ${max}; got ${value}`);
  }
  return value;
}

builder.queryFields((t) => ({
  path: t.field({
    type: PathRef,
    nullable: true,
    description:
      'A shortest path of links between two entities, whatever their direction; null when none ' +
      'is within `maxHops`. Null with a NOT_FOUND error when `from` or `to` names no entity.',
    args: {
      from: t.arg.id({ required: true, description: `The first entity: ${ENTITY_ARG_FORMS}.` }),
      to: t.arg.id({ required: true, description: `The last entity: ${ENTITY_ARG_FORMS}.` }),
      maxHops: t.arg.int({
        defaultValue: DEFAULT_HOPS,
        description: `Most links the path may have, 1 to ${MAX_HOPS}.`,
      }),
    },
    resolve: async (_root, { from, to, maxHops }, ctx) => {
      const hops = checkRange('maxHops', maxHops, DEFAULT_HOPS, MAX_HOPS);
      const [fromSlug, toSlug] = await Promise.all([
        namedSlug(ctx, String(from), 'from'),
        namedSlug(ctx, String(to), 'to'),
      ]);
      const found = await ctx.repos.graph.path(fromSlug, toSlug, hops);
      const unknown = found.fromFound ? (found.toFound ? null : to) : from;
      if (unknown !== null) throw new NotFoundError(`No entity has the id "${unknown}"`);
      if (!found.path) return null;
      const { nodes, links } = found.path;
      const edges = links.map((link, i) => ({ ...link, forward: link.from === nodes[i]?.id }));
      return { nodes, edges };
    },
  }),
  neighborhood: t.field({
    type: NeighborhoodRef,
    nullable: true,
    description:
      'The entities within `depth` links of one, nearest first, and the links among them. ' +
      'Null with a NOT_FOUND error when `id` names no entity.',
    args: {
      id: t.arg.id({ required: true, description: `The center entity: ${ENTITY_ARG_FORMS}.` }),
      depth: t.arg.int({
        defaultValue: DEFAULT_DEPTH,
        description: `How many links away to reach, 1 to ${MAX_DEPTH}.`,
      }),
      limit: t.arg.int({
        defaultValue: DEFAULT_LIMIT,
        description: `Most entities to return, the center included, 1 to ${MAX_NODES}.`,
      }),
    },
    resolve: async (_root, { id, depth, limit }, ctx, info) => {
      // Only what the client selects is read: a drawing needs slugs and link ends, not texts.
      const read = graphPlan(info, ['center', 'nodes'], 'edges', PLAIN_EDGE_FIELDS);
      const reach = checkRange('depth', depth, DEFAULT_DEPTH, MAX_DEPTH);
      const most = checkRange('limit', limit, DEFAULT_LIMIT, MAX_NODES);
      const slug = await namedSlug(ctx, String(id), 'id');
      const found = await ctx.repos.graph.neighborhood(slug, reach, most, read);
      if (!found) throw new NotFoundError(`No entity has the id "${id}"`);
      return { ...found, edges: found.links };
    },
  }),
}));
