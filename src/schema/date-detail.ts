import { builder } from '../builder.ts';
import { DateScalar } from './scalars.ts';

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely a source states a date.',
  values: {
    DAY: { value: 'day', description: 'A calendar day.' },
    MONTH: { value: 'month', description: 'A month of a year.' },
    SEASON: { value: 'season', description: 'A season or part of a year ("fall 2015").' },
    YEAR: { value: 'year', description: 'A year.' },
    RANGE: {
      value: 'range',
      description: 'Some time within a span ("2019-01/2019-09": the first nine months of 2019).',
    },
  } as const,
});

export const DateDetailRef = builder.objectType('DateDetail', {
  description: 'A date as its source states it, with the range of days it may mean.',
  fields: (t) => ({
    value: t.field({
      type: 'PartialDate',
      description: 'The date at its own precision.',
      resolve: (d) => d,
    }),
    precision: t.field({
      type: DatePrecisionEnum,
      description: 'How precisely the source states it.',
      resolve: (d) => d.precision,
    }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when the source says "about".',
    }),
    start: t.field({
      type: DateScalar,
      description: 'First day it may mean.',
      resolve: (d) => d.start,
    }),
    end: t.field({ type: DateScalar, description: 'Last day it may mean.', resolve: (d) => d.end }),
    asWritten: t.exposeString('asWritten', {
      nullable: true,
      description:
        'The words the source uses, when they are not a plain date ("about a week later").',
    }),
  }),
});
