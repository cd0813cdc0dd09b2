import type { ManagedTransaction } from 'neo4j-driver';
import {
  type CrossCheck,
  crossCheck,
  type EntityStatement,
  type LinkStatement,
  statementsOf,
} from '../knowledge/cross-check.ts';
import type { ImportPlan, Properties } from '../knowledge/import-plan.ts';
import type { Database } from './database.ts';
import { LINK_PROPERTIES } from './link-citations.ts';

const DECLARATIONS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[c:CITED_IN]->(d:Document)
WHERE NOT d.id IN $skip
RETURN n.id AS id, d.id AS document, c.kind AS kind, c.properties AS properties`;

const ALL_DECLARATIONS = `
MATCH (n:Entity)-[c:CITED_IN]->(d:Document)
WHERE NOT d.id IN $skip
RETURN n.id AS id, d.id AS document, c.kind AS kind, c.properties AS properties`;

const LINKS_BETWEEN = `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
WHERE type(r) = row.type
UNWIND [s IN r.sources WHERE NOT s IN $skip] AS document
RETURN DISTINCT type(r) AS type, a.id AS from, b.id AS to, r.key AS key, document,
       properties(r) AS properties`;

const ALL_LINKS = `
MATCH (a:Entity)-[r]->(b:Entity)
UNWIND [s IN coalesce(r.sources, []) WHERE NOT s IN $skip] AS document
RETURN DISTINCT type(r) AS type, a.id AS from, b.id AS to, r.key AS key, document,
       properties(r) AS properties`;

type Run = <Row>(cypher: string, params: Record<string, unknown>) => Promise<Row[]>;

/** Runs queries inside a transaction, for checks made within an import. */
export function inTransaction(db: Database, tx: ManagedTransaction): Run {
  return (cypher, params) => db.run(tx, cypher, params);
}

/** Runs each query in its own read transaction. */
export function reading(db: Database): Run {
  return (cypher, params) => db.read(cypher, params);
}

/**
 * The plans against what the graph's other documents say of the same entities and links (every
 * entity and link with `everything`); only findings that concern one of the plans are kept.
 */
export async function checkAgainstGraph(
  run: Run,
  plans: ImportPlan[],
  everything = false,
): Promise<CrossCheck> {
  const skip = plans.map((plan) => plan.document.id);
  const own = plans.map(statementsOf);
  const ids = [...new Set(plans.flatMap((plan) => plan.entities.map((e) => e.id)))];
  const rows = plans.flatMap((plan) =>
    plan.links.map(({ type, from, to }) => ({ type, from, to })),
  );
  const declared = await run<{ id: string; document: string; kind: string; properties: string }>(
    everything ? ALL_DECLARATIONS : DECLARATIONS,
    { ids, skip },
  );
  const linked = await run<LinkStatement>(everything ? ALL_LINKS : LINKS_BETWEEN, { rows, skip });
  const others: EntityStatement[] = declared.map((row) => ({
    ...row,
    properties: JSON.parse(row.properties) as Properties,
  }));
  const result = crossCheck(
    [...others, ...own.flatMap((o) => o.entities)],
    [...linked.map(linkStatement), ...own.flatMap((o) => o.links)],
  );
  if (everything) return result;
  const concerns = (finding: { documents: string[] }) =>
    finding.documents.some((doc) => skip.includes(doc));
  return { errors: result.errors.filter(concerns), warnings: result.warnings.filter(concerns) };
}

function linkStatement(row: LinkStatement): LinkStatement {
  const properties = Object.fromEntries(
    LINK_PROPERTIES.map((name) => [name, row.properties[name] ?? null]),
  );
  return { ...row, properties };
}
