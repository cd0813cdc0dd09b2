import { builder } from '../builder.ts';
import type { EntityOrder } from '../db/order.ts';

export const EntityOrderFieldEnum = builder.enumType('EntityOrderField', {
  description: 'What a list of entities can be ordered by.',
  values: {
    NAME: { description: 'By name.' },
    DATE: {
      description:
        'By date: a link’s own date when it has one, else the entity’s (the first day it may ' +
        'mean); undated items last whatever the direction.',
    },
  } as const,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Which way to order.',
  values: {
    ASC: { description: 'Smallest first: A to Z, earliest first.' },
    DESC: { description: 'Largest first: Z to A, latest first.' },
  } as const,
});

/** `orderBy: {field, direction}`, as lists of entities take it. */
export const EntityOrderInput = builder.inputType('EntityOrder', {
  description: 'How to order a list of entities: a field and a direction.',
  fields: (t) => ({
    field: t.field({
      type: EntityOrderFieldEnum,
      required: true,
      description: 'What to order by.',
    }),
    direction: t.field({
      type: OrderDirectionEnum,
      required: true,
      defaultValue: 'ASC',
      description: 'Which way; ASC by default.',
    }),
  }),
});

/** Options of the `orderBy` argument of a list, with its default order in the description. */
export const orderByArg = (fallback: EntityOrder) => ({
  type: EntityOrderInput,
  required: false as const,
  description: `How to order the list; by default {field: ${fallback.field}, direction: ${fallback.direction}}.`,
});
