import { DATE_PROPERTY_SUFFIXES } from '../knowledge/import-plan.ts';
import type { PartialDate } from '../knowledge/partial-date.ts';

/** A stored date: its value, precision and range, and the words the source used. */
export interface DateDetail extends PartialDate {
  asWritten: string | null;
}

/** The properties dateDetailOf reads for a date named `name`. */
export const dateDetailProperties = (name: string) =>
  DATE_PROPERTY_SUFFIXES.map((suffix) => name + suffix);

/** Reads the flat properties `<name>`, `<name>Start`, … of a node or relationship into a date. */
export function dateDetailOf(properties: Record<string, unknown>, name: string): DateDetail | null {
  const value = properties[name];
  if (typeof value !== 'string') return null;
  return {
    value,
    precision: properties[`${name}Precision`] as PartialDate['precision'],
    approximate: properties[`${name}Approximate`] === true,
    start: properties[`${name}Start`] as string,
    end: properties[`${name}End`] as string,
    asWritten: (properties[`${name}AsWritten`] as string | null | undefined) ?? null,
  };
}
