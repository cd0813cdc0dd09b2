import { builder } from '../builder.ts';
import { EntityRef } from './entity.ts';
import { dateField, stringField } from './entity-fields.ts';
import { entityKind } from './entity-kind.ts';
import { entityList } from './entity-list.ts';
import { linkConnection } from './link-connection.ts';
import { readsExtension } from './lookahead.ts';

export const PlaceRef = entityKind('Place', 'A place: a city, region, sea, base, monument.');
export const EquipmentRef = entityKind(
  'Equipment',
  'Equipment: an aircraft, an air-defence system.',
);
export const FigureRef = entityKind(
  'Figure',
  'A number the sources state, with its unit and period.',
);

builder.objectFields(PlaceRef, (t) => ({
  locatedIn: linkConnection(t, {
    target: EntityRef,
    description: 'The places or countries this place lies in.',
    spec: () => ({ types: ['LOCATED_IN', 'PART_OF'], direction: 'OUTGOING' }),
  }),
  contents: linkConnection(t, {
    target: EntityRef,
    description: 'What is located here: places, events, incidents.',
    spec: () => ({ types: ['LOCATED_IN'], direction: 'INCOMING' }),
  }),
}));

builder.objectFields(EquipmentRef, (t) => ({
  category: stringField(t, 'category', 'What sort of equipment.'),
  quantity: t.int({
    nullable: true,
    description: 'How many, for a group of individual items ("four Israeli F-16 fighter jets").',
    extensions: readsExtension({ properties: ['quantity'] }),
    resolve: (row) => (typeof row.quantity === 'number' ? row.quantity : null),
  }),
  quantityAsWritten: stringField(t, 'quantityAsWritten', 'The quantity in the source’s words.'),
  ofType: linkConnection(t, {
    target: EntityRef,
    description: 'The type of an individual item (OF_TYPE): the Il-20 of a downed aircraft.',
    spec: () => ({ types: ['OF_TYPE'], direction: 'OUTGOING' }),
  }),
  items: linkConnection(t, {
    target: EntityRef,
    description: 'Individual items of this type (OF_TYPE).',
    spec: () => ({ types: ['OF_TYPE'], direction: 'INCOMING' }),
  }),
}));

builder.objectFields(FigureRef, (t) => ({
  value: t.float({ description: 'The number.', resolve: (r) => r.value as number }),
  unit: t.string({
    description: 'Its unit, e.g. "USD billion", "%".',
    resolve: (r) => r.unit as string,
  }),
  valueAsWritten: stringField(
    t,
    'valueAsWritten',
    'The number in the source’s words, when not in digits ("two thirds").',
  ),
  measure: t.string({ description: 'What it measures.', resolve: (r) => r.measure as string }),
  sources: linkConnection(t, {
    target: EntityRef,
    description: 'Where the figure comes from (SOURCED_FROM): "according to …".',
    spec: () => ({ types: ['SOURCED_FROM'], direction: 'OUTGOING' }),
  }),
  period: dateField(t, 'period', 'The period it covers, where stated.'),
  measures: linkConnection(t, {
    target: EntityRef,
    description: 'Whose figure it is: the countries, relation or organisation it measures.',
    spec: () => ({ types: ['MEASURES'], direction: 'OUTGOING' }),
  }),
}));

builder.queryFields((t) => ({
  places: entityList(t, {
    type: PlaceRef,
    description: 'Places, by name.',
    load: (_args, window, ctx) => ctx.repos.entities.list('Place', window, 'NAME'),
  }),
  equipment: entityList(t, {
    type: EquipmentRef,
    description: 'Equipment, by name.',
    load: (_args, window, ctx) => ctx.repos.entities.list('Equipment', window, 'NAME'),
  }),
  figures: entityList(t, {
    type: FigureRef,
    description: 'Figures, in date order of their period.',
    load: (_args, window, ctx) => ctx.repos.entities.list('Figure', window, 'DATE'),
  }),
}));
