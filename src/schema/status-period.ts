import { builder } from '../builder.ts';
import { DIPLOMATIC_STATUS_MEANINGS } from '../knowledge/vocabulary.ts';
import { readsExtension } from '../planner/reads.ts';
import { dateField } from './entity-fields.ts';
import { CountryRef, EventRef, StatusPeriodRef } from './kinds.ts';
import { linkConnection } from './link-connection.ts';

export const DiplomaticStatusEnum = builder.enumType('DiplomaticStatus', {
  description: 'The state of diplomatic relations between two countries.',
  values: {
    FULL: { value: 'full', description: DIPLOMATIC_STATUS_MEANINGS.full },
    SEVERED: { value: 'severed', description: DIPLOMATIC_STATUS_MEANINGS.severed },
    CONSULAR: { value: 'consular', description: DIPLOMATIC_STATUS_MEANINGS.consular },
    SUSPENDED: { value: 'suspended', description: DIPLOMATIC_STATUS_MEANINGS.suspended },
  } as const,
});

builder.objectFields(StatusPeriodRef, (t) => ({
  status: t.field({
    type: DiplomaticStatusEnum,
    description: 'The diplomatic status during the period.',
    extensions: readsExtension({ properties: ['status'] }),
    resolve: (r) => r.status as 'full',
  }),
  validFrom: dateField(t, 'validFrom', 'When the period began.'),
  validTo: dateField(
    t,
    'validTo',
    'When it ended (the first day of the next period); null while it holds.',
  ),
  countries: linkConnection(t, {
    target: CountryRef,
    description: 'The countries whose relation this is.',
    spec: () => ({ types: ['BETWEEN'], direction: 'OUTGOING', kinds: ['Country'] }),
  }),
  openedBy: linkConnection(t, {
    target: EventRef,
    description: 'The events that began the period.',
    spec: () => ({ types: ['OPENED'], direction: 'INCOMING', kinds: ['Event'] }),
  }),
  closedBy: linkConnection(t, {
    target: EventRef,
    description: 'The events that ended the period.',
    spec: () => ({ types: ['CLOSED'], direction: 'INCOMING', kinds: ['Event'] }),
  }),
}));
