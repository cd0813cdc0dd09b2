import { builder } from '../builder.ts';
import { BY_NAME } from '../db/order.ts';
import { EntityRef } from './entity.ts';
import { entityList } from './entity-list.ts';
import {
  CountryRef,
  EventRef,
  IncidentRef,
  OrganizationRef,
  PersonRef,
  StatusPeriodRef,
  TreatyRef,
} from './kinds.ts';

builder.objectFields(CountryRef, (t) => ({
  isoAlpha2: t.text('isoAlpha2', {
    description: 'ISO 3166-1 alpha-2 code ("RU"); for a former country, the code it had ("SU").',
  }),
  isoAlpha3: t.text('isoAlpha3', {
    description: 'ISO 3166-1 alpha-3 code ("RUS"; "SUN" for the USSR).',
  }),
  isoNumeric: t.text('isoNumeric', {
    description: 'ISO 3166-1 numeric code ("643"; "810" for the USSR).',
  }),
  isoAlpha4: t.text('isoAlpha4', {
    description:
      'ISO 3166-3 alpha-4 code of a former country ("SUHH" for the USSR); null for a current one.',
  }),
  isoName: t.text('isoName', { description: 'The name ISO 3166 gives the country.' }),
  isoFormer: t.property('isoFormer', {
    type: 'Boolean',
    nullable: true,
    description:
      'True for a former country (ISO 3166-3), false for a current one; null without ISO codes.',
    from: (former) => (typeof former === 'boolean' ? former : null),
  }),
  treaties: t.links({
    target: TreatyRef,
    description: 'Treaties and agreements this country is a party to, in date order.',
    spec: () => ({ types: ['PARTY_TO'], direction: 'OUTGOING', kinds: ['Treaty'] }),
  }),
  events: t.links({
    target: EventRef,
    description: 'Events this country took part in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Event'] }),
  }),
  incidents: t.links({
    target: IncidentRef,
    description: 'Incidents this country was involved in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Incident'] }),
  }),
  leaders: t.links({
    target: PersonRef,
    description: 'People who held an office of this country (the edge role names the office).',
    spec: () => ({ types: ['HELD_OFFICE'], direction: 'INCOMING', kinds: ['Person'] }),
  }),
  memberships: t.links({
    target: OrganizationRef,
    description: 'Organisations and groups this country is a member of.',
    spec: () => ({ types: ['MEMBER_OF'], direction: 'OUTGOING', kinds: ['Organization'] }),
  }),
  statusPeriods: t.links({
    target: StatusPeriodRef,
    description: 'Periods of diplomatic status this country is party to, in date order.',
    spec: () => ({ types: ['BETWEEN'], direction: 'INCOMING', kinds: ['StatusPeriod'] }),
  }),
  successions: t.links({
    target: CountryRef,
    description: 'States this one succeeded, or that succeeded it (see the edge direction).',
    spec: () => ({ types: ['SUCCESSOR_OF'], direction: 'BOTH', kinds: ['Country'] }),
  }),
}));

builder.objectFields(PersonRef, (t) => ({
  rank: t.text('rank', { description: 'Military or other rank, where stated ("Major General").' }),
  offices: t.links({
    target: EntityRef,
    description:
      'Offices this person held, of a country or an organisation: the edge role names the ' +
      'office, its date when attested.',
    spec: () => ({
      types: ['HELD_OFFICE'],
      direction: 'OUTGOING',
      kinds: ['Country', 'Organization'],
    }),
  }),
  events: t.links({
    target: EventRef,
    description: 'Events this person took part in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Event'] }),
  }),
  incidents: t.links({
    target: IncidentRef,
    description: 'Incidents this person took part in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Incident'] }),
  }),
}));

builder.objectFields(OrganizationRef, (t) => ({
  category: t.text('category', {
    description: 'What sort of organisation (armed forces, agency, militant group, …).',
  }),
  members: t.links({
    target: EntityRef,
    description: 'Members of this organisation or group: countries and organisations.',
    spec: () => ({ types: ['MEMBER_OF'], direction: 'INCOMING' }),
  }),
  officeHolders: t.links({
    target: PersonRef,
    description: 'People who held an office of this organisation.',
    spec: () => ({ types: ['HELD_OFFICE'], direction: 'INCOMING', kinds: ['Person'] }),
  }),
  founding: t.links({
    target: EntityRef,
    description: 'Who established this organisation or mechanism, and when.',
    spec: () => ({ types: ['ESTABLISHED'], direction: 'INCOMING' }),
  }),
}));

builder.queryFields((t) => ({
  countries: entityList(t, {
    type: CountryRef,
    description: 'Countries, by name unless `orderBy` says otherwise.',
    order: BY_NAME,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Country', window, order, expansion),
  }),
  people: entityList(t, {
    type: PersonRef,
    description: 'People, by name unless `orderBy` says otherwise.',
    order: BY_NAME,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Person', window, order, expansion),
  }),
  organizations: entityList(t, {
    type: OrganizationRef,
    description:
      'Organisations, by name unless `orderBy` says otherwise, optionally of one category.',
    order: BY_NAME,
    args: {
      category: t.arg.string({
        required: false,
        description: 'Only this category, e.g. "armed forces", "militant group".',
      }),
    },
    load: (args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Organization', window, order, expansion, args.category ?? null),
  }),
}));
