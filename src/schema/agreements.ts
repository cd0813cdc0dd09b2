import { z } from 'zod';
import { builder } from '../builder.ts';
import { BY_DATE } from '../db/order.ts';
import { EntityRef } from './entity.ts';
import { ENTITY_ARG_FORMS, namedEntity } from './entity-arg.ts';
import { entityList } from './entity-list.ts';
import { ResolutionRef, TreatyRef } from './kinds.ts';

builder.objectFields(TreatyRef, (t) => ({
  subject: t.text('subject', { description: 'What the agreement is about.' }),
  ...t.dates('Treaty'),
  proposedBy: t.links({
    target: EntityRef,
    description: 'Who proposed it (PROPOSED).',
    spec: () => ({ types: ['PROPOSED'], direction: 'INCOMING' }),
  }),
  parties: t.links({
    target: EntityRef,
    description: 'The countries and organisations party to it.',
    spec: () => ({ types: ['PARTY_TO'], direction: 'INCOMING' }),
  }),
}));

builder.objectFields(ResolutionRef, (t) => ({
  number: t.property('number', {
    type: 'String',
    description: 'The resolution number, e.g. "242".',
  }),
  organ: t.property('organ', {
    type: 'String',
    nullable: true,
    description: 'The UN organ that adopted it; null when the document does not name it.',
  }),
  subject: t.text('subject', { description: 'What it is about, where stated.' }),
  ...t.dates('UNResolution'),
  citedBy: t.links({
    target: EntityRef,
    description: 'Who cites this resolution or is guided by it (the citing stances).',
    spec: () => ({ types: ['CITES'], direction: 'INCOMING' }),
  }),
}));

builder.queryFields((t) => ({
  treaties: entityList(t, {
    type: TreatyRef,
    description:
      'Treaties and agreements, in date order unless `orderBy` says otherwise, filtered by ' +
      'party and signing date. Fails with NOT_FOUND when `party` names no entity.',
    order: BY_DATE,
    args: {
      party: t.arg.id({
        required: false,
        description: `A party: ${ENTITY_ARG_FORMS}.`,
      }),
      signedFrom: t.arg({
        type: 'PartialDate',
        required: false,
        description: 'Signed on or after this date (a year such as "1994" means from 1 January).',
      }),
      signedTo: t.arg({
        type: 'PartialDate',
        required: false,
        description: 'Signed on or before this date (a year such as "1994" means to 31 December).',
      }),
    },
    load: async (args, window, ctx, order, expansion) => {
      const party = args.party ? (await namedEntity(ctx, String(args.party), 'party')).id : null;
      const filter = { party, signedFrom: args.signedFrom?.start, signedTo: args.signedTo?.end };
      return ctx.repos.entities.treaties(filter, window, order, expansion);
    },
  }),
  unResolutions: entityList(t, {
    type: ResolutionRef,
    description:
      'UN resolutions in number order, filtered by number and by who cites them. Fails with ' +
      'NOT_FOUND when `citedBy` names no entity.',
    args: {
      number: t.arg.string({
        required: false,
        description: 'The resolution number, e.g. "242".',
        validate: z.string().regex(/^\d{1,6}$/, 'number must be digits, e.g. "242"'),
      }),
      citedBy: t.arg.id({
        required: false,
        description: `An entity that cites it: ${ENTITY_ARG_FORMS}.`,
      }),
    },
    load: async (args, window, ctx, _order, expansion) => {
      const citedBy = args.citedBy
        ? (await namedEntity(ctx, String(args.citedBy), 'citedBy')).id
        : null;
      return ctx.repos.entities.resolutions({ number: args.number, citedBy }, window, expansion);
    },
  }),
}));
