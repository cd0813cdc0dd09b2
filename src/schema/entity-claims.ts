import { builder } from '../builder.ts';
import { ClaimRef, entityClaim } from './claim.ts';
import { EntityRef } from './entity.ts';

// Every entity says whose claim it is, and who denies it or leaves it out of their account.
builder.interfaceFields(EntityRef, (t) => ({
  claim: t.properties(['id', 'accordingTo', 'quoting'], {
    type: ClaimRef,
    description:
      'Whose claim this is: attributed to a statement or actor, or stated by the documents ' +
      'themselves, and which documents report it.',
    from: entityClaim,
  }),
  deniedBy: t.links({
    target: EntityRef,
    description:
      'Actors and statements that deny this (DENIES; the edge role says what they deny, its ' +
      'citations where).',
    spec: () => ({ types: ['DENIES'], direction: 'INCOMING' }),
  }),
  omittedBy: t.links({
    target: EntityRef,
    description:
      'Accounts that do not mention this although another party reports it (OMITS: "the ' +
      'Kremlin’s account did not mention an apology").',
    spec: () => ({ types: ['OMITS'], direction: 'INCOMING' }),
  }),
}));
