import { builder } from '../builder.ts';
import './connections.ts';
import './date-detail.ts';
import './entity-order.ts';
import './document.ts';
import './document-facts.ts';
import './entity.ts';
import './lookup.ts';
import './actors.ts';
import './agreements.ts';
import './happenings.ts';
import './things.ts';
import './status-period.ts';
import './bilateral-relation.ts';
import './relation-series.ts';
import './cameo.ts';
import './entity-claims.ts';
import './graph.ts';
import './search.ts';
import './timeline.ts';
import './write/revision.ts';
import './write/mutations.ts';
import './write/live.ts';
import './write/viewer.ts';
import './link-types.ts';
import './draft.ts';

/** The executable schema, built from every domain file above. */
export const schema = builder.toSchema();
