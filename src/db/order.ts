import { UNDATED } from './entity-row.ts';

/** How a list of entities is ordered. */
export interface EntityOrder {
  field: 'NAME' | 'DATE';
  direction: 'ASC' | 'DESC';
}

export const BY_NAME: EntityOrder = { field: 'NAME', direction: 'ASC' };
export const BY_DATE: EntityOrder = { field: 'DATE', direction: 'ASC' };

/**
 * The ORDER BY keys for an order, given the Cypher of an item's date key and of its name.
 * Undated items stay last both ways. The text comes from the order's enum values only.
 */
export function orderKeys(order: EntityOrder, date: string, name: string): string {
  const way = order.direction === 'DESC' ? ' DESC' : '';
  const byDate = `${date} = '${UNDATED}', ${date}${way}`;
  return order.field === 'NAME' ? `${name}${way}, ${byDate}` : `${byDate}, ${name}${way}`;
}
