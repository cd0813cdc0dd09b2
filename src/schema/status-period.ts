import { builder } from '../builder.ts';
import { DIPLOMATIC_STATUS_MEANINGS } from '../knowledge/vocabulary.ts';
import { CountryRef, EventRef, StatusPeriodRef } from './kinds.ts';

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
  status: t.property('status', {
    type: DiplomaticStatusEnum,
    description: 'The diplomatic status during the period.',
  }),
  ...t.dates('StatusPeriod'),
  countries: t.links({
    target: CountryRef,
    description: 'The countries whose relation this is.',
    spec: () => ({ types: ['BETWEEN'], direction: 'OUTGOING', kinds: ['Country'] }),
  }),
  openedBy: t.links({
    target: EventRef,
    description: 'The events that began the period.',
    spec: () => ({ types: ['OPENED'], direction: 'INCOMING', kinds: ['Event'] }),
  }),
  closedBy: t.links({
    target: EventRef,
    description: 'The events that ended the period.',
    spec: () => ({ types: ['CLOSED'], direction: 'INCOMING', kinds: ['Event'] }),
  }),
}));
