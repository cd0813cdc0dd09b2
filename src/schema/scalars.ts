import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';
import {
  PARTIAL_DATE_FORMS,
  type PartialDate,
  parsePartialDate,
} from '../knowledge/partial-date.ts';

function parseAs(text: unknown, name: string, dayOnly: boolean): PartialDate {
  if (typeof text !== 'string') throw new GraphQLError(`${name} must be a string`);
  const parsed = parsePartialDate(text);
  if (typeof parsed === 'string') throw new GraphQLError(`Invalid ${name}: ${parsed}`);
  if (dayOnly && (parsed.precision !== 'day' || parsed.approximate)) {
    throw new GraphQLError(`Invalid ${name}: "${text}" must be a full date, YYYY-MM-DD`);
  }
  return parsed;
}

/** A date as the sources write it, keeping its precision. */
export const PartialDateScalar = builder.scalarType('PartialDate', {
  description:
    `A date with the precision its source gives: ${PARTIAL_DATE_FORMS}. ` +
    'Examples: "1991", "1953-02", "1948-05-18", "2015-fall", "~1948-05-25". ' +
    'As an argument, a partial date stands for the whole range of days it may mean.',
  serialize: (value) => (value as PartialDate).value,
  parseValue: (value) => parseAs(value, 'PartialDate', false),
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('PartialDate must be a string');
    return parseAs(node.value, 'PartialDate', false);
  },
});

/** A calendar day. */
export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar day, ISO 8601: YYYY-MM-DD.',
  serialize: (value) => value as string,
  parseValue: (value) => parseAs(value, 'Date', true).start,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('Date must be a string');
    return parseAs(node.value, 'Date', true).start;
  },
});
