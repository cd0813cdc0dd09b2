import { type GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DateRange, formatDate, formatPeriod } from '../../explorer/src/lib/dates.ts';
import { formatFigure } from '../../explorer/src/lib/figures.ts';
import { schema } from '../../src/schema/index.ts';
import { TestHelper } from '../helpers/test-helper.ts';

const helper = new TestHelper();

beforeAll(async () => {
  await helper.seed();
});

afterAll(async () => {
  await helper.close();
});

const DATE = '{ value precision start end approximate asWritten }';

/** Every entity type's date fields, read from the schema so a new one is covered by itself. */
function entityDateSelections(): string {
  const entityTypes = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType =>
      isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Entity'),
  );
  return entityTypes
    .map((type) => {
      const dates = Object.values(type.getFields())
        .filter((field) => getNamedType(field.type).name === 'DateDetail')
        .map((field) => `${field.name} ${DATE}`);
      return dates.length > 0 ? `... on ${type.name} { ${dates.join(' ')} }` : '';
    })
    .join('\n');
}

/** The labels the explorer writes for a value: each must read as text. */
function expectReadable(label: string, what: string) {
  expect(label.trim(), what).not.toBe('');
  expect(label, what).not.toMatch(/NaN|undefined|null|Invalid/);
}

function isDate(value: unknown): value is DateRange {
  return typeof value === 'object' && value !== null && 'precision' in value && 'value' in value;
}

describe('every date, span and figure of the seeded graph as the explorer writes it', () => {
  it('reads as text: no "NaN", no "undefined", no empty label', async () => {
    const slugs = new Set<string>();
    const { documents } = await helper.ask<{ documents: { slug: string }[] }>(
      '{ documents { slug } }',
    );
    for (const { slug } of documents) {
      let after: string | null = null;
      do {
        const data: any = await helper.ask(
          `query ($slug: ID!, $after: String) { document(id: $slug) {
            entities(first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } edges { node { slug } } } } }`,
          { slug, after },
        );
        const page = data.document.entities;
        for (const edge of page.edges) slugs.add(edge.node.slug);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    }
    expect(slugs.size).toBeGreaterThan(100);

    const query = `query ($id: ID!) { entity(id: $id) {
      slug
      ${entityDateSelections()}
      ... on Figure { value unit }
      links(first: 100) { totalCount edges { date ${DATE} validFrom ${DATE} validTo ${DATE} } }
    } }`;
    let dates = 0;
    let spans = 0;
    let figures = 0;
    for (const slug of slugs) {
      const { entity } = await helper.ask<{ entity: Record<string, any> }>(query, { id: slug });
      for (const [field, value] of Object.entries(entity)) {
        if (isDate(value)) {
          expectReadable(formatDate(value), `${slug}.${field} ${value.value}`);
          dates++;
        }
      }
      if (entity.validFrom || entity.validTo) {
        expectReadable(formatPeriod(entity.validFrom, entity.validTo), `${slug} period`);
        spans++;
      }
      if ('value' in entity) {
        expectReadable(formatFigure(entity.value, entity.unit), `${slug} figure`);
        figures++;
      }
      expect(entity.links.totalCount).toBeLessThanOrEqual(100 + entity.links.edges.length);
      for (const link of entity.links.edges) {
        if (link.date) {
          expectReadable(formatDate(link.date), `a link of ${slug}: ${link.date.value}`);
          dates++;
        }
        if (link.validFrom || link.validTo) {
          expectReadable(formatPeriod(link.validFrom, link.validTo), `a link period of ${slug}`);
          spans++;
        }
      }
    }
    console.log(
      `explorer labels: ${slugs.size} entities, ${dates} dates, ${spans} periods, ${figures} figures written`,
    );
    expect(figures).toBeGreaterThan(0);
    expect(spans).toBeGreaterThan(0);
  });
});
