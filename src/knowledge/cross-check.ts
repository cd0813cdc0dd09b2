import { DATE_PROPERTY_SUFFIXES, type ImportPlan, type Properties } from './import-plan.ts';

/** What one document declares of an entity. */
export interface EntityStatement {
  document: string;
  id: string;
  kind: string;
  properties: Properties;
}

/** One document's link: its identity (type, ends, key) and the properties it states. */
export interface LinkStatement {
  document: string;
  type: string;
  from: string;
  to: string;
  key: string;
  properties: Properties;
}

/** A problem between documents, with the documents involved. */
export interface Finding {
  documents: string[];
  message: string;
}

export interface CrossCheck {
  /** Refused: an entity declared with two kinds. */
  errors: Finding[];
  /** Allowed but worth a look: differing names or values, near-duplicate links. */
  warnings: Finding[];
}

/** What a plan states, as statements. */
export function statementsOf(plan: ImportPlan): {
  entities: EntityStatement[];
  links: LinkStatement[];
} {
  const document = plan.document.id;
  return {
    entities: plan.entities.map(({ id, kind, properties }) => ({ document, id, kind, properties })),
    links: plan.links.map(({ type, from, to, key, properties }) => ({
      document,
      type,
      from,
      to,
      key,
      properties,
    })),
  };
}

/** Compares what several documents say of the same entities and links. */
export function crossCheck(entities: EntityStatement[], links: LinkStatement[]): CrossCheck {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const [id, said] of groupBy(entities, (e) => e.id)) {
    const kinds = distinct(said, (e) => e.kind);
    if (kinds.size > 1) {
      errors.push({
        documents: said.map((e) => e.document),
        message: `"${id}" is declared as ${describe(kinds)}: an entity has one kind`,
      });
    }
    const names = distinct(said, (e) => String(e.properties.name));
    if (names.size > 1) {
      warnings.push({
        documents: said.map((e) => e.document),
        message: `"${id}" is named ${describe(names)}; the first becomes the name, the others aliases`,
      });
    }
    for (const name of valueNames(said)) {
      const values = distinct(
        said.filter((e) => e.properties[name] != null),
        (e) => String(e.properties[name]),
      );
      if (values.size > 1) {
        warnings.push({
          documents: said.map((e) => e.document),
          message: `"${id}" has ${name} ${describe(values)}; the graph keeps the first`,
        });
      }
    }
  }
  const byEnds = groupBy(links, (l) => `${l.from} -${l.type}-> ${l.to} role ${l.properties.role}`);
  for (const said of byEnds.values()) {
    const keys = [...groupBy(said, (l) => l.key).values()].map(
      (group) => group[0] as LinkStatement,
    );
    keys.forEach((a, i) => {
      for (const b of keys.slice(i + 1)) {
        if (!nearDuplicates(a, b)) continue;
        warnings.push({
          documents: [a.document, b.document],
          message:
            `near-duplicate links ${a.from} -${a.type}-> ${a.to}: ${when(a)} (${a.document}) ` +
            `and ${when(b)} (${b.document}); if they are one fact, write the same dates`,
        });
      }
    });
  }
  return { errors, warnings };
}

const DATES = ['date', 'validFrom', 'validTo'];

/** Same role, every date stated by both overlapping, and no date stated by only one. */
function nearDuplicates(a: LinkStatement, b: LinkStatement): boolean {
  return DATES.every((name) => {
    const [x, y] = [a.properties, b.properties];
    if (x[name] == null && y[name] == null) return true;
    if (x[name] == null || y[name] == null) return false;
    return (
      String(x[`${name}Start`]) <= String(y[`${name}End`]) &&
      String(y[`${name}Start`]) <= String(x[`${name}End`])
    );
  });
}

function when(link: LinkStatement): string {
  const stated = DATES.filter((name) => link.properties[name] != null);
  return stated.map((name) => `${name} ${link.properties[name]}`).join(', ') || 'undated';
}

/** Single values worth comparing: not the name, aliases, description or a date's derived parts. */
function valueNames(said: EntityStatement[]): string[] {
  const parts = DATE_PROPERTY_SUFFIXES.filter((s) => s !== '' && s !== 'AsWritten');
  const names = new Set(said.flatMap((e) => Object.keys(e.properties)));
  return [...names].filter(
    (name) =>
      !['name', 'aliases', 'description'].includes(name) &&
      !parts.some((suffix) => name.endsWith(suffix) && names.has(name.slice(0, -suffix.length))) &&
      !name.endsWith('AsWritten'),
  );
}

function describe(values: Map<string, string[]>): string {
  return [...values].map(([value, docs]) => `"${value}" in ${docs.join(', ')}`).join(' and ');
}

/** Each distinct value with the documents that state it. */
function distinct<T extends { document: string }>(
  items: T[],
  value: (item: T) => string,
): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const item of items)
    values.set(value(item), [...(values.get(value(item)) ?? []), item.document]);
  return values;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
