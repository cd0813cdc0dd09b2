import { z } from 'zod';
import { builder } from '../builder.ts';
import { EntityRef } from './entity.ts';
import { dateField, stringField } from './entity-fields.ts';
import { entityKind } from './entity-kind.ts';
import { entityList } from './entity-list.ts';
import { linkConnection } from './link-connection.ts';

export const TreatyRef = entityKind(
  'Treaty',
  'A treaty, agreement, initiative or other document signed or proposed.',
);
export const ResolutionRef = entityKind('UNResolution', 'A resolution of a United Nations organ.');

builder.objectFields(TreatyRef, (t) => ({
  subject: stringField(t, 'subject', 'What the agreement is about.'),
  signed: dateField(t, 'signed', 'When it was signed, as precisely as the source says.'),
  inForce: dateField(t, 'inForce', 'When it entered into force, where stated.'),
  proposed: dateField(
    t,
    'proposed',
    'When an initiative or plan was put forward, for one the sources do not say was signed.',
  ),
  proposedBy: linkConnection(t, {
    target: EntityRef,
    description: 'Who proposed it (PROPOSED).',
    spec: () => ({ types: ['PROPOSED'], direction: 'INCOMING' }),
  }),
  parties: linkConnection(t, {
    target: EntityRef,
    description: 'The countries and organisations party to it.',
    spec: () => ({ types: ['PARTY_TO'], direction: 'INCOMING' }),
  }),
}));

builder.objectFields(ResolutionRef, (t) => ({
  number: t.string({
    description: 'The resolution number, e.g. "242".',
    resolve: (r) => r.number as string,
  }),
  organ: t.string({
    description: 'The UN organ that adopted it.',
    resolve: (r) => r.organ as string,
  }),
  subject: stringField(t, 'subject', 'What it is about, where stated.'),
  date: dateField(t, 'date', 'When it was adopted, where stated.'),
  citedBy: linkConnection(t, {
    target: EntityRef,
    description: 'Who cites this resolution or is guided by it (the citing stances).',
    spec: () => ({ types: ['CITES'], direction: 'INCOMING' }),
  }),
}));

builder.queryFields((t) => ({
  treaties: entityList(t, {
    type: TreatyRef,
    description: 'Treaties and agreements in date order, filtered by party and signing date.',
    args: {
      party: t.arg.string({
        required: false,
        description: 'Slug of a party, e.g. "russia".',
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
    load: (args, window, ctx) =>
      ctx.repos.entities.treaties(
        { party: args.party, signedFrom: args.signedFrom?.start, signedTo: args.signedTo?.end },
        window,
      ),
  }),
  unResolutions: entityList(t, {
    type: ResolutionRef,
    description: 'UN resolutions in number order, filtered by number and by who cites them.',
    args: {
      number: t.arg.string({
        required: false,
        description: 'The resolution number, e.g. "242".',
        validate: z.string().regex(/^\d{1,6}$/, 'number must be digits, e.g. "242"'),
      }),
      citedBy: t.arg.string({
        required: false,
        description: 'Slug of an entity that cites it, e.g. "russia".',
      }),
    },
    load: (args, window, ctx) => ctx.repos.entities.resolutions(args, window),
  }),
}));
