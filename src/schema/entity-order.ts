import { builder } from '../builder.ts';

/** How a typed list is ordered. */
export const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'How to order a list of entities.',
  values: {
    NAME: { description: 'By name.' },
    DATE: { description: 'By date, earliest first; undated last.' },
  } as const,
});
