import type { InputFieldMap, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { EntityRow } from '../db/entity-row.ts';
import type { Page, PageWindow } from '../db/page.ts';
import { connectionOf, windowOf } from './pagination.ts';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type QueryFieldBuilder = PothosSchemaTypes.QueryFieldBuilder<Types, Types['Root']>;

interface EntityListOptions<Args extends InputFieldMap> {
  type: ObjectRef<Types, EntityRow>;
  description: string;
  args?: Args;
  load: (
    args: InputShapeFromFields<Args>,
    window: PageWindow,
    ctx: Context,
  ) => Promise<Page<EntityRow>>;
}

/** A root connection over entities (a typed list), with `totalCount`, sliced by the database. */
export function entityList<Args extends InputFieldMap>(
  t: QueryFieldBuilder,
  options: EntityListOptions<Args>,
) {
  return t.connection(
    {
      type: options.type,
      description: options.description,
      args: options.args ?? ({} as Args),
      resolve: async (_root, args, ctx) => {
        const page = await options.load(args as InputShapeFromFields<Args>, windowOf(args), ctx);
        return connectionOf(page, (row) => ({ node: row }));
      },
    },
    {
      description: `A page of entities: ${options.description}`,
      fields: (c) => ({
        totalCount: c.int({
          description: 'How many entities the list has in all.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { description: 'An entity in a list, with its cursor.' },
  );
}
