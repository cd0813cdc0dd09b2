import { offsetToCursor } from '@pothos/plugin-relay';
import type { PageWindow } from './db/page.ts';
import { ValidationError } from './errors.ts';
import { ASKS_ALL, type PageAsks, pageRead } from './planner/page-read.ts';

// Page sizes and Relay arguments, shared by the schema, the planner and the cost limit (which
// must not import the schema).

/** The largest page any connection returns. */
export const MAX_PAGE_SIZE = 100;
/** The page size when a client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function checkSize(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new ValidationError(`${name} must be between 1 and ${MAX_PAGE_SIZE}; got ${value}`);
  }
  return value;
}

/** What a cursor of this API decodes to: the offset connection's prefix and a whole number. */
const CURSOR = /^OffsetConnection:(0|[1-9]\d{0,8})$/;

function offsetOf(name: string, cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return null;
  // Read here, not with Pothos' cursorToOffset: it reads "3.5" or "0x10" as offsets (parseInt)
  // and refuses malformed base64 without naming the argument. A cursor must be exactly as issued.
  const offset = CURSOR.exec(Buffer.from(cursor, 'base64').toString('utf8'))?.[1];
  if (offset === undefined || offsetToCursor(Number(offset)) !== cursor) {
    throw new ValidationError(`${name} is not a cursor of this API: "${cursor}"`);
  }
  return Number(offset);
}

/**
 * Turns Relay arguments into an offset window, read as what the client asks of the list needs
 * (its plan's `asks`; everything by default); rejects page sizes above the cap.
 */
export function windowOf(args: ConnectionArgs, asks: PageAsks = ASKS_ALL): PageWindow {
  const first = checkSize('first', args.first);
  const last = checkSize('last', args.last);
  const after = offsetOf('after', args.after);
  const before = offsetOf('before', args.before);
  const slice = {
    start: after === null ? 0 : after + 1,
    end: before,
    first: first === null && last === null ? DEFAULT_PAGE_SIZE : first,
    last,
  };
  return { ...slice, read: pageRead(asks, slice) };
}
