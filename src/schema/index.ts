import { builder } from '../builder.ts';
import './document.ts';

/** The executable schema, built from every domain file above. */
export const schema = builder.toSchema();
