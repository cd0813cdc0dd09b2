import { builder } from '../builder.ts';
import { BY_DATE, BY_NAME } from '../db/order.ts';
import { EntityRef } from './entity.ts';
import { entityList } from './entity-list.ts';
import { EquipmentRef, FigureRef, OrganizationRef, PlaceRef } from './kinds.ts';

builder.objectFields(PlaceRef, (t) => ({
  locatedIn: t.links({
    target: EntityRef,
    description: 'The places or countries this place lies in.',
    spec: () => ({ types: ['LOCATED_IN', 'PART_OF'], direction: 'OUTGOING' }),
  }),
  contents: t.links({
    target: EntityRef,
    description: 'What is located here: places, events, incidents.',
    spec: () => ({ types: ['LOCATED_IN'], direction: 'INCOMING' }),
  }),
}));

builder.objectFields(EquipmentRef, (t) => ({
  category: t.text('category', { description: 'What sort of equipment.' }),
  quantity: t.property('quantity', {
    type: 'Int',
    nullable: true,
    description: 'How many, for a group of individual items ("four Israeli F-16 fighter jets").',
    from: (quantity) => (typeof quantity === 'number' ? quantity : null),
  }),
  quantityAsWritten: t.text('quantityAsWritten', {
    description: 'The quantity in the source’s words.',
  }),
  ofType: t.links({
    target: EquipmentRef,
    description: 'The type of an individual item (OF_TYPE): the Il-20 of a downed aircraft.',
    spec: () => ({ types: ['OF_TYPE'], direction: 'OUTGOING', kinds: ['Equipment'] }),
  }),
  items: t.links({
    target: EquipmentRef,
    description: 'Individual items of this type (OF_TYPE).',
    spec: () => ({ types: ['OF_TYPE'], direction: 'INCOMING', kinds: ['Equipment'] }),
  }),
}));

builder.objectFields(FigureRef, (t) => ({
  value: t.property('value', { type: 'Float', description: 'The number.' }),
  unit: t.property('unit', { type: 'String', description: 'Its unit, e.g. "USD billion", "%".' }),
  valueAsWritten: t.text('valueAsWritten', {
    description: 'The number in the source’s words, when not in digits ("two thirds").',
  }),
  measure: t.property('measure', { type: 'String', description: 'What it measures.' }),
  sources: t.links({
    target: OrganizationRef,
    description: 'The agencies the figure comes from (SOURCED_FROM): "according to …".',
    spec: () => ({ types: ['SOURCED_FROM'], direction: 'OUTGOING', kinds: ['Organization'] }),
  }),
  ...t.dates('Figure'),
  measures: t.links({
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
