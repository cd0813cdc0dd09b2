import { builder } from '../builder.ts';
import { BY_DATE, BY_NAME } from '../db/order.ts';
import { readsExtension } from '../planner/reads.ts';
import { EntityRef } from './entity.ts';
import { dateField, stringField } from './entity-fields.ts';
import { entityList } from './entity-list.ts';
import { EquipmentRef, FigureRef, OrganizationRef, PlaceRef } from './kinds.ts';
import { linkConnection } from './link-connection.ts';

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
    target: EquipmentRef,
    description: 'The type of an individual item (OF_TYPE): the Il-20 of a downed aircraft.',
    spec: () => ({ types: ['OF_TYPE'], direction: 'OUTGOING', kinds: ['Equipment'] }),
  }),
  items: linkConnection(t, {
    target: EquipmentRef,
    description: 'Individual items of this type (OF_TYPE).',
    spec: () => ({ types: ['OF_TYPE'], direction: 'INCOMING', kinds: ['Equipment'] }),
  }),
}));

builder.objectFields(FigureRef, (t) => ({
  value: t.float({
    description: 'The number.',
    extensions: readsExtension({ properties: ['value'] }),
    resolve: (r) => r.value as number,
  }),
  unit: t.string({
    description: 'Its unit, e.g. "USD billion", "%".',
    extensions: readsExtension({ properties: ['unit'] }),
    resolve: (r) => r.unit as string,
  }),
  valueAsWritten: stringField(
    t,
    'valueAsWritten',
    'The number in the source’s words, when not in digits ("two thirds").',
  ),
  measure: t.string({
    description: 'What it measures.',
    extensions: readsExtension({ properties: ['measure'] }),
    resolve: (r) => r.measure as string,
  }),
  sources: linkConnection(t, {
    target: OrganizationRef,
    description: 'The agencies the figure comes from (SOURCED_FROM): "according to …".',
    spec: () => ({ types: ['SOURCED_FROM'], direction: 'OUTGOING', kinds: ['Organization'] }),
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
    description: 'Places, by name unless `orderBy` says otherwise.',
    order: BY_NAME,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Place', window, order, expansion),
  }),
  equipment: entityList(t, {
    type: EquipmentRef,
    description: 'Equipment, by name unless `orderBy` says otherwise.',
    order: BY_NAME,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Equipment', window, order, expansion),
  }),
  figures: entityList(t, {
    type: FigureRef,
    description: 'Figures, in date order of their period unless `orderBy` says otherwise.',
    order: BY_DATE,
    load: (_args, window, ctx, order, expansion) =>
      ctx.repos.entities.list('Figure', window, order, expansion),
  }),
}));
