import {
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../src/knowledge/vocabulary.ts';
import { schema } from '../../src/schema/index.ts';

const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');

/** Every field of an object or interface that returns a connection, as "Type.field" → type. */
function connectionFields(): Map<string, string> {
  const found = new Map<string, string>();
  for (const type of types) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (isConnection(target)) found.set(`${type.name}.${field.name}`, target.name);
    }
  }
  return found;
}

describe('the schema, as clients see it', () => {
  it('shares one connection type per item type, not one per field', () => {
    const pairs = types.filter((type) => /(Connection|Edge)$/.test(type.name));
    const named = pairs.filter((type) => !['GraphEdge', 'PathEdge'].includes(type.name));
    // Each connection type is used by every field listing its items.
    const used = new Set(connectionFields().values());
    expect(named.filter(isConnection).every((type) => used.has(type.name))).toBe(true);
    expect(named.length).toBeLessThanOrEqual(50);
    expect(connectionFields().size).toBeGreaterThan(named.length / 2);
  });

  it('types every link list by its kind, Entity only where the vocabulary mixes kinds', () => {
    const links = [...connectionFields()].filter(([, type]) => type.endsWith('LinkConnection'));
    const mixed = links.filter(([, type]) => type === 'EntityLinkConnection').map(([f]) => f);
    // Who denies a fact or omits it: actors or statements (DENIES, OMITS), on every entity type.
    const disputes = ['Entity', ...ENTITY_KINDS].flatMap((type) => [
      `${type}.deniedBy`,
      `${type}.omittedBy`,
    ]);
    expect(mixed.filter((f) => !disputes.includes(f)).sort()).toEqual([
      'Conflict.links',
      'Conflict.participants',
      'Country.links',
      'Entity.links',
      'Equipment.links',
      'Event.causes',
      'Event.concerns',
      'Event.consequences',
      'Event.links',
      'Event.participants',
      'Event.places',
      'Figure.links',
      'Figure.measures',
      'Incident.causes',
      'Incident.concerns',
      'Incident.consequences',
      'Incident.links',
      'Incident.participants',
      'Incident.places',
      'Organization.founding',
      'Organization.links',
      'Organization.members',
      'Person.links',
      'Person.offices',
      'Place.contents',
      'Place.links',
      'Place.locatedIn',
      'StatusPeriod.links',
      'Treaty.links',
      'Treaty.parties',
      'Treaty.proposedBy',
      'UNResolution.citedBy',
      'UNResolution.links',
    ]);
    expect(mixed.filter((f) => disputes.includes(f)).sort()).toEqual(disputes.sort());
    const typed = Object.fromEntries(links.filter(([, type]) => type !== 'EntityLinkConnection'));
    expect(typed).toMatchObject({
      'Country.treaties': 'TreatyLinkConnection',
      'Country.leaders': 'PersonLinkConnection',
      'Country.memberships': 'OrganizationLinkConnection',
      'Person.events': 'EventLinkConnection',
      'StatusPeriod.openedBy': 'EventLinkConnection',
      'Event.equipment': 'EquipmentLinkConnection',
    });
  });

  it('names every enum value in SCREAMING_CASE', () => {
    const values = types
      .filter(isEnumType)
      .flatMap((type) => type.getValues().map((value) => `${type.name}.${value.name}`));
    expect(values.filter((value) => !/\.[A-Z][A-Z0-9_]*$/.test(value))).toEqual([]);
  });
});
