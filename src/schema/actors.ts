import { builder } from '../builder.ts';
import { EntityRef } from './entity.ts';
import { stringField } from './entity-fields.ts';
import { entityKind } from './entity-kind.ts';
import { entityList } from './entity-list.ts';
import { linkConnection } from './link-connection.ts';
import { readsExtension } from './lookahead.ts';

export const CountryRef = entityKind('Country', 'A state, including former ones (the USSR).');
export const PersonRef = entityKind('Person', 'A person: a leader, minister, spokesman, …');
export const OrganizationRef = entityKind(
  'Organization',
  'An organisation: an international body, a ministry, armed forces, a group, a commission.',
);

builder.objectFields(CountryRef, (t) => ({
  isoAlpha2: stringField(
    t,
    'isoAlpha2',
    'ISO 3166-1 alpha-2 code ("RU"); for a former country, the code it had ("SU").',
  ),
  isoAlpha3: stringField(t, 'isoAlpha3', 'ISO 3166-1 alpha-3 code ("RUS"; "SUN" for the USSR).'),
  isoNumeric: stringField(t, 'isoNumeric', 'ISO 3166-1 numeric code ("643"; "810" for the USSR).'),
  isoAlpha4: stringField(
    t,
    'isoAlpha4',
    'ISO 3166-3 alpha-4 code of a former country ("SUHH" for the USSR); null for a current one.',
  ),
  isoName: stringField(t, 'isoName', 'The name ISO 3166 gives the country.'),
  isoFormer: t.boolean({
    nullable: true,
    description:
      'True for a former country (ISO 3166-3), false for a current one; null without ISO codes.',
    extensions: readsExtension({ properties: ['isoFormer'] }),
    resolve: (row) => (typeof row.isoFormer === 'boolean' ? row.isoFormer : null),
  }),
  treaties: linkConnection(t, {
    target: EntityRef,
    description: 'Treaties and agreements this country is a party to, in date order.',
    spec: () => ({ types: ['PARTY_TO'], direction: 'OUTGOING', kinds: ['Treaty'] }),
  }),
  events: linkConnection(t, {
    target: EntityRef,
    description: 'Events this country took part in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Event'] }),
  }),
  incidents: linkConnection(t, {
    target: EntityRef,
    description: 'Incidents this country was involved in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING', kinds: ['Incident'] }),
  }),
  leaders: linkConnection(t, {
    target: EntityRef,
    description: 'People who held an office of this country (the edge role names the office).',
    spec: () => ({ types: ['HELD_OFFICE'], direction: 'INCOMING', kinds: ['Person'] }),
  }),
  memberships: linkConnection(t, {
    target: EntityRef,
    description: 'Organisations and groups this country is a member of.',
    spec: () => ({ types: ['MEMBER_OF'], direction: 'OUTGOING' }),
  }),
  statusPeriods: linkConnection(t, {
    target: EntityRef,
    description: 'Periods of diplomatic status this country is party to, in date order.',
    spec: () => ({ types: ['BETWEEN'], direction: 'INCOMING', kinds: ['StatusPeriod'] }),
  }),
  successions: linkConnection(t, {
    target: EntityRef,
    description: 'States this one succeeded, or that succeeded it (see the edge direction).',
    spec: () => ({ types: ['SUCCESSOR_OF'], direction: 'BOTH', kinds: ['Country'] }),
  }),
}));

builder.objectFields(PersonRef, (t) => ({
  rank: stringField(t, 'rank', 'Military or other rank, where stated ("Major General").'),
  offices: linkConnection(t, {
    target: EntityRef,
    description:
      'Offices this person held: the edge role names the office, its date when attested.',
    spec: () => ({ types: ['HELD_OFFICE'], direction: 'OUTGOING' }),
  }),
  events: linkConnection(t, {
    target: EntityRef,
    description: 'Events and incidents this person took part in, in date order.',
    spec: () => ({ types: ['PARTICIPATED_IN'], direction: 'OUTGOING' }),
  }),
}));

builder.objectFields(OrganizationRef, (t) => ({
  category: t.string({
    nullable: true,
    description: 'What sort of organisation (armed forces, agency, militant group, …).',
    resolve: (row) => (row.category as string | null) ?? null,
  }),
  members: linkConnection(t, {
    target: EntityRef,
    description: 'Members of this organisation or group.',
    spec: () => ({ types: ['MEMBER_OF'], direction: 'INCOMING' }),
  }),
  officeHolders: linkConnection(t, {
    target: EntityRef,
    description: 'People who held an office of this organisation.',
    spec: () => ({ types: ['HELD_OFFICE'], direction: 'INCOMING', kinds: ['Person'] }),
  }),
  founding: linkConnection(t, {
    target: EntityRef,
    description: 'Who established this organisation or mechanism, and when.',
    spec: () => ({ types: ['ESTABLISHED'], direction: 'INCOMING' }),
  }),
}));

builder.queryFields((t) => ({
  countries: entityList(t, {
    type: CountryRef,
    description: 'Countries, by name.',
    load: (_args, window, ctx) => ctx.repos.entities.list('Country', window, 'NAME'),
  }),
  people: entityList(t, {
    type: PersonRef,
    description: 'People, by name.',
    load: (_args, window, ctx) => ctx.repos.entities.list('Person', window, 'NAME'),
  }),
  organizations: entityList(t, {
    type: OrganizationRef,
    description: 'Organisations, by name, optionally of one category.',
    args: {
      category: t.arg.string({
        required: false,
        description: 'Only this category, e.g. "armed forces", "militant group".',
      }),
    },
    load: (args, window, ctx) =>
      ctx.repos.entities.list('Organization', window, 'NAME', args.category ?? null),
  }),
}));
