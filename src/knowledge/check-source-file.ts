import { closest } from 'fastest-levenshtein';
import { cameoCode } from './cameo.ts';
import { uncitedValues } from './cited-values.ts';
import { closestPassage } from './closest-passage.ts';
import { nonFactualProblem } from './coverage.ts';
import {
  dateProperties,
  type EntityRow,
  type ImportPlan,
  type LinkRow,
  type Properties,
} from './import-plan.ts';
import { isoCodesOf } from './iso-codes.ts';
import { endpointProblem } from './link-endpoints.ts';
import { parsePartialDate } from './partial-date.ts';
import type { CiteItem, DateField, EntityEntry, SourceFile } from './source-file.ts';
import type { SourceFileProblem } from './source-file-error.ts';
import { verbatimIndex } from './verbatim-index.ts';
import { datesOf, LINK_TYPE_NAMES, type LinkType, STATUS_WORDS } from './vocabulary.ts';

/** Every problem found, and the plan of what was checked (complete only without problems). */
interface Checked {
  plan: ImportPlan;
  problems: SourceFileProblem[];
}

export interface CheckOptions {
  /** What to tell the curator about a link end their file does not declare. */
  unknownIdHint?: (id: string) => string;
  /** Ids of entries the schema refused: declared, so links to them are not reported again. */
  refused?: ReadonlySet<string>;
}

/** Checks what a schema cannot (quotes, dates, ids, links) and builds the import plan. */
export function checkSourceFile(
  file: SourceFile,
  text: string,
  options: CheckOptions = {},
): Checked {
  const problems: SourceFileProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  const verbatim = verbatimIndex(text);

  // Context quotes are stored with the citation's other quotes.
  const quotesOf = (path: string, cite: string | CiteItem[]): string[] => {
    const quotes = (typeof cite === 'string' ? [cite] : cite).map((item) =>
      typeof item === 'string' ? item : item.context,
    );
    quotes.forEach((quote, i) => {
      if (!verbatim(quote)) {
        const closest = closestPassage(text, quote);
        const hint = closest ? `; closest passage: "${closest}"` : '';
        report(
          `${path} › cite[${i}]`,
          `quote not found verbatim in the document: "${quote}"${hint}`,
        );
      }
    });
    return quotes;
  };

  const dateOf = (path: string, field: DateField | undefined) => {
    if (field === undefined) return undefined;
    const value = typeof field === 'string' ? field : field.value;
    const parsed = parsePartialDate(value);
    if (typeof parsed === 'string') {
      report(path, parsed);
      return undefined;
    }
    return { date: parsed, asWritten: typeof field === 'string' ? undefined : field.asWritten };
  };

  file.document.nonFactual.forEach((passage, i) => {
    const problem = nonFactualProblem(text, passage);
    if (problem) report(`document.nonFactual[${i}]`, problem);
  });

  const entities: EntityRow[] = [];
  const ids = new Map<string, string>();
  file.entities.forEach((entry, i) => {
    const path = `entities[${i}] "${entry.id}"`;
    if (ids.has(entry.id)) report(path, `duplicate id "${entry.id}"`);
    ids.set(entry.id, entry.kind);
    const dated = (name: string, field: DateField | undefined): Properties => {
      const parsed = dateOf(`${path} › ${name}`, field);
      return dateProperties(name, parsed?.date, parsed?.asWritten);
    };
    entities.push({
      id: entry.id,
      kind: entry.kind,
      properties: {
        name: entry.name,
        // Curator-added names are searched like the others, and listed apart as added.
        aliases: [...new Set([...entry.aliases, ...entry.curatorAliases])],
        curatorAliases: entry.curatorAliases,
        description: entry.description,
        accordingTo: entry.accordingTo ?? null,
        quoting: entry.quoting ?? null,
        ...kindProperties(entry, (field, message) => report(`${path} › ${field}`, message)),
        // The kind's dates as the vocabulary declares them; the file's schema types each a DateField.
        ...Object.fromEntries(
          datesOf(entry.kind).flatMap((name) =>
            Object.entries(dated(name, Reflect.get(entry, name) as DateField | undefined)),
          ),
        ),
      },
      quotes: quotesOf(path, entry.cite),
      context: contextOf(entry.cite),
      note: entry.note ?? null,
    });
    if (entry.kind === 'StatusPeriod') {
      const row = entities.at(-1) as EntityRow;
      if (!statesStatus(entry.status, row.quotes, entry.note))
        report(
          `${path} › status`,
          `no quote of its citation states the status "${entry.status}"; cite the words that say ` +
            `it, or say in a sentence of the note that "${entry.status}" is inferred, and from what`,
        );
    }
    if (entry.kind === 'StatusPeriod' || entry.kind === 'Conflict') {
      const [fromName, toName] =
        entry.kind === 'StatusPeriod' ? ['validFrom', 'validTo'] : ['start', 'end'];
      checkOrder(path, entities.at(-1)?.properties ?? {}, fromName, toName, report);
    }
  });

  const links: LinkRow[] = [];
  const linkKeys = new Set<string>();
  file.links.forEach((entry, i) => {
    const path = `links[${i}] ${entry.from} -${entry.type}-> ${entry.to}`;
    const known = (LINK_TYPE_NAMES as readonly string[]).includes(entry.type);
    if (!known) report(`${path} › type`, unknownTypeMessage(entry.type, entry.from, entry.to, ids));
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(entry[end]) && !options.refused?.has(entry[end])) {
        const hint = options.unknownIdHint?.(entry[end]);
        report(
          `${path} › ${end}`,
          `no entity with id "${entry[end]}" in this file${hint ? `: ${hint}` : ''}`,
        );
      }
    }
    const [fromKind, toKind] = [ids.get(entry.from), ids.get(entry.to)];
    const wrongKinds =
      known && fromKind && toKind && endpointProblem(entry.type as LinkType, fromKind, toKind);
    if (wrongKinds) report(path, wrongKinds);
    const date = dateOf(`${path} › date`, entry.date);
    const validFrom = dateOf(`${path} › validFrom`, entry.validFrom);
    const validTo = dateOf(`${path} › validTo`, entry.validTo);
    const key = linkKey(entry.role, date?.date.value, validFrom?.date.value, validTo?.date.value);
    const identity = `${entry.type}|${entry.from}|${entry.to}|${key}`;
    if (linkKeys.has(identity))
      report(path, 'duplicate link: same type, ends, role and dates as another');
    linkKeys.add(identity);
    const properties: Properties = {
      role: entry.role ?? null,
      ordinal: entry.ordinal ?? null,
      accordingTo: entry.accordingTo ?? null,
      quoting: entry.quoting ?? null,
      ...dateProperties('date', date?.date, date?.asWritten),
      ...dateProperties('validFrom', validFrom?.date, validFrom?.asWritten),
      ...dateProperties('validTo', validTo?.date, validTo?.asWritten),
    };
    checkOrder(path, properties, 'validFrom', 'validTo', report);
    links.push({
      type: entry.type as LinkType,
      from: entry.from,
      to: entry.to,
      key,
      properties,
      quotes: quotesOf(path, entry.cite),
      context: contextOf(entry.cite),
      note: entry.note ?? null,
    });
  });

  const facts = [
    ...file.entities.map((entry, i) => ({ entry, path: `entities[${i}] "${entry.id}"` })),
    ...file.links.map((entry, i) => ({
      entry,
      path: `links[${i}] ${entry.from} -${entry.type}-> ${entry.to}`,
    })),
  ];
  for (const { entry, path } of facts) {
    for (const field of ['accordingTo', 'quoting'] as const) {
      const id = entry[field];
      if (id !== undefined && !ids.has(id))
        report(`${path} › ${field}`, `no entity with id "${id}" in this file`);
    }
  }
  [...entities, ...links].forEach((row, i) => {
    const path = facts[i]?.path ?? '';
    for (const problem of uncitedValues({ ...row, path })) report(problem.path, problem.message);
  });

  const { id, title, publisher, kind, language, nonFactual } = file.document;
  return {
    problems,
    plan: {
      document: {
        id,
        title,
        publisher,
        kind,
        language,
        text,
        source: file.document.source,
        nonFactual,
        note: file.document.note ?? null,
      },
      entities,
      links,
    },
  };
}

/** Which quotes of a citation are only its context, in the order of its quotes. */
function contextOf(cite: string | CiteItem[]): boolean[] {
  return (typeof cite === 'string' ? [cite] : cite).map((item) => typeof item !== 'string');
}

/** The properties of an entry's kind, but for its dates. */
function kindProperties(
  entry: EntityEntry,
  reportField: (field: string, message: string) => void,
): Properties {
  const coded = (code: string): Properties => {
    const found = cameoCode(code);
    if (typeof found === 'string') reportField('cameo', found);
    return { cameo: code };
  };
  switch (entry.kind) {
    case 'Country': {
      if (entry.iso3166 === undefined) return {};
      const codes = isoCodesOf(entry.iso3166);
      if (typeof codes === 'string') reportField('iso3166', codes);
      return typeof codes === 'string' ? {} : codes;
    }
    case 'Person':
      return { rank: entry.rank ?? null };
    case 'Treaty':
      return { subject: entry.subject };
    case 'Incident':
      return coded(entry.cameo);
    case 'Event':
      return {
        category: entry.category,
        occurrence: entry.occurrence,
        ordinal: entry.ordinal ?? null,
        ...coded(entry.cameo),
      };
    case 'UNResolution':
      return {
        number: entry.number,
        organ: entry.organ ?? null,
        subject: entry.subject ?? null,
      };
    case 'Organization':
      return { category: entry.category ?? null };
    case 'Equipment':
      return {
        category: entry.category ?? null,
        quantity: entry.quantity ?? null,
        quantityAsWritten: entry.quantityAsWritten ?? null,
      };
    case 'Figure':
      return {
        value: entry.value,
        valueAsWritten: entry.valueAsWritten ?? null,
        unit: entry.unit,
        measure: entry.measure,
      };
    case 'StatusPeriod':
      return { status: entry.status };
    default:
      return {};
  }
}

/**
 * A link's identity beyond its type and ends: its role and every date it states, as written
 * (precision included). Two documents' links are one link only when all of these are equal.
 */
export function linkKey(
  role: string | undefined,
  date: string | undefined,
  validFrom: string | undefined,
  validTo: string | undefined,
): string {
  return `${role ?? ''}@${date ?? ''}@${validFrom ?? ''}@${validTo ?? ''}`;
}

function checkOrder(
  path: string,
  properties: Properties,
  fromName: string,
  toName: string,
  report: (path: string, message: string) => void,
) {
  const from = properties[`${fromName}Start`];
  const to = properties[`${toName}Start`];
  if (typeof from === 'string' && typeof to === 'string' && to < from) {
    report(
      `${path} › ${toName}`,
      `${toName} ${properties[toName]} is before ${fromName} ${properties[fromName]}`,
    );
  }
}

/** Whether a quote says the status, or a sentence of the note names it as inferred. */
function statesStatus(
  status: keyof typeof STATUS_WORDS,
  quotes: readonly string[],
  note: string | undefined,
): boolean {
  if (quotes.some((quote) => STATUS_WORDS[status].test(quote))) return true;
  return (note ?? '')
    .split(/(?<=[.;])\s+/)
    .some((sentence) => sentence.includes(`"${status}"`) && /\binferred\b/i.test(sentence));
}

/** An unknown link type: its ends, the nearest known type, and where the list is. */
function unknownTypeMessage(
  type: string,
  from: string,
  to: string,
  kinds: ReadonlyMap<string, string>,
): string {
  const end = (id: string) => `"${id}"${kinds.has(id) ? ` (${kinds.get(id)})` : ''}`;
  const nearest = closest(type.toUpperCase(), [...LINK_TYPE_NAMES]);
  return (
    `unknown link type "${type}" from ${end(from)} to ${end(to)}; nearest known type: ` +
    `${nearest}; the types and the kinds they join are listed in data/README.md ("Link types") ` +
    `and cypher/vocabulary.md`
  );
}
