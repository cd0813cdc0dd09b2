import type { Principal } from '../../auth/roles.ts';
import { builder } from '../../builder.ts';

/** Who is asking, as the bearer token says: what a client shows as "signed in". */
const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The caller named by the bearer token: an API key or a JWT’s subject.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The key’s name (or the token’s name claim).' }),
    role: t.exposeString('role', {
      description: 'Its role: curator, editor or admin (docs/write-api.md says what each may do).',
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description:
      'Who the bearer token names; null when anonymous. A bad or expired token is answered 401 before this runs.',
    resolve: (_root, _args, ctx) => ctx.user,
  }),
);
