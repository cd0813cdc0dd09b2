import { builder } from '../builder.ts';
import './document.ts';
import './entity.ts';
import './actors.ts';
import './agreements.ts';
import './happenings.ts';
import './things.ts';
import './status-period.ts';

/** The executable schema, built from every domain file above. */
export const schema = builder.toSchema();
