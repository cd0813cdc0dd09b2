import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { EntityRef } from './entity.ts';
import { primeExpansion } from './loaders.ts';
import { entityExpansion } from './lookahead.ts';

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    description:
      'An entity by its slug, e.g. "russia" or "il-20-incident-2018". Errors with NOT_FOUND.',
    args: { slug: t.arg.string({ required: true, description: 'The entity’s slug.' }) },
    resolve: async (_root, { slug }, ctx, info) => {
      // The entity and what the client selected below it, in one query.
      const expansion = entityExpansion(info);
      const found = (await ctx.repos.entities.expanded([slug], expansion)).get(slug);
      if (!found) throw new NotFoundError(`No entity has the slug "${slug}".`);
      primeExpansion(ctx, expansion, found.node, found.extras);
      return found.node;
    },
  }),
}));
