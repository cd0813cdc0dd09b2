import { builder } from '../builder.ts';
import { NotFoundError } from '../errors.ts';
import { EntityRef } from './entity.ts';

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    description:
      'An entity by its slug, e.g. "russia" or "il-20-incident-2018". Errors with NOT_FOUND.',
    args: { slug: t.arg.string({ required: true, description: 'The entity’s slug.' }) },
    resolve: async (_root, { slug }, ctx) => {
      const [row] = await ctx.repos.entities.byIds([slug]);
      if (!row) throw new NotFoundError(`No entity has the slug "${slug}".`);
      return row;
    },
  }),
}));
