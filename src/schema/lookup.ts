import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { entityPlan } from '../planner/plan.ts';
import { attachExtras } from '../planner/planned.ts';
import { EntityRef } from './entity.ts';
import { ENTITY_ARG_FORMS, matchesName, parseEntityName } from './entity-arg.ts';

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description:
      'An entity by its slug ("russia", "il-20-incident-2018") or its global id; null with a ' +
      'NOT_FOUND error (at its path) when there is none, other fields of the request keeping ' +
      'their data.',
    args: { id: t.arg.id({ required: true, description: `The entity: ${ENTITY_ARG_FORMS}.` }) },
    resolve: async (_root, { id }, ctx, info) => {
      const name = parseEntityName(String(id), 'id');
      // The entity and what the client selected below it, in one query.
      const expansion = entityPlan(info);
      const found = (await ctx.repos.entities.expanded([name.slug], expansion)).get(name.slug);
      if (!found || !matchesName(found.node, name)) {
        throw new NotFoundError(`No entity has the id "${id}".`);
      }
      return attachExtras(expansion, found.node, found.extras);
    },
  }),
}));
