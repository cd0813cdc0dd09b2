import { parse, stringify } from 'yaml';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors.ts';
import { draftFile } from '../knowledge/proposals/draft-file.ts';
import { slug } from '../knowledge/proposals/entities.ts';
import type { Candidate } from '../knowledge/proposals/mentions.ts';
import { propose } from '../knowledge/proposals/propose.ts';
import type { SourceFileProblem } from '../knowledge/source-file-error.ts';
import { checkSourceText } from '../knowledge/validate-source-yaml.ts';

/** The longest text drafted or checked: a long news item is a few thousand characters. */
export const MAX_DRAFT_TEXT = 20_000;
/** The longest source file checked: a drafted file is a few times its text. */
export const MAX_DRAFT_YAML = 60_000;
/**
 * What drafting adds to a query's cost: a full-text lookup per capitalised word and the NLP
 * passes over the text, far more than a field read from the graph.
 */
export const DRAFT_COST = 500;
/** What checking a source file adds to a query's cost: CPU only, no graph read. */
export const CHECK_COST = 100;

interface Decision {
  quote: string;
  reason: string;
  candidates: Candidate[];
}

interface Draft {
  id: string;
  yaml: string;
  decisions: Decision[];
  problems: SourceFileProblem[];
}

const ProblemRef = builder.objectRef<SourceFileProblem>('SourceFileProblem').implement({
  description: 'One problem `npm run check-data` finds in a source file.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description: 'Where it is: `entities[3] "ussr" › cite[0]`, `(yaml)` for the file itself.',
    }),
    message: t.exposeString('message', { description: 'What is wrong.' }),
  }),
});

const CandidateRef = builder.objectRef<Candidate>('DraftCandidate').implement({
  description: 'An entity of the graph a passage may name, with how sure the match is.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The entity slug.' }),
    kind: t.exposeString('kind', { description: 'Its kind, as a source file writes it.' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    confidence: t.exposeFloat('confidence', { description: '1 for a declared name as is.' }),
    by: t.exposeString('by', {
      description: 'How it matched: name, alias, curator alias, close spelling, surname.',
    }),
  }),
});

const DecisionRef = builder.objectRef<Decision>('DraftDecision').implement({
  description:
    'A passage naming a known entity that a curator must decide: several candidates, or a ' +
    'match that is not exact. The draft declares the first candidate, with a `decide:` key.',
  fields: (t) => ({
    quote: t.exposeString('quote', { description: 'The passage, verbatim.' }),
    reason: t.exposeString('reason', { description: 'Why it needs a decision.' }),
    candidates: t.field({
      type: [CandidateRef],
      description: 'The candidates, best first.',
      resolve: (d) => d.candidates,
    }),
  }),
});

const DraftRef = builder.objectRef<Draft>('Draft').implement({
  description: "A proposed source file for a new document's text, for a curator to decide.",
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The proposed document id (from the title).' }),
    yaml: t.exposeString('yaml', {
      description:
        'The proposed source file: every quote a passage of the text; each item to decide ' +
        'carries a `decide:` key, which fails the checks until removed.',
    }),
    decisions: t.field({
      type: [DecisionRef],
      description: 'The passages whose entity the curator must choose.',
      resolve: (d) => d.decisions,
    }),
    problems: t.field({
      type: [ProblemRef],
      description: "The checks' problems with the file as proposed.",
      resolve: (d) => d.problems,
    }),
  }),
});

function limited(name: string, value: string, max: number): string {
  if (value.trim().length === 0) throw new ValidationError(`${name} is empty.`);
  if (value.length > max)
    throw new ValidationError(
      `${name} is ${value.length} characters long; at most ${max} are accepted. Split the document.`,
    );
  return value;
}

/** A document id from its title, short enough for a file name. */
const slugOf = (title: string) => slug(title).slice(0, 60).replace(/-$/, '') || 'draft';

builder.queryFields((t) => ({
  draft: t.field({
    type: DraftRef,
    description:
      "Proposes a source file for a new document's text: the graph's entities it names (through " +
      'the full-text index), new entities, dates, figures, events and links, each quoting the ' +
      `text. The text is at most ${MAX_DRAFT_TEXT} characters. Costs ${DRAFT_COST}.`,
    extensions: { cost: DRAFT_COST },
    args: {
      text: t.arg.string({ required: true, description: "The document's text." }),
      title: t.arg.string({
        description: "The document's title; else its first line that states no fact.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const text = limited('The text', args.text, MAX_DRAFT_TEXT);
      const catalog = await ctx.repos.drafts.catalog(text);
      const proposals = propose(text, catalog);
      const title = args.title?.trim() || proposals.nonFactual[0]?.quote || 'draft';
      const id = slugOf(title);
      let yaml = draftFile(proposals, { id, source: `${id}.txt`, catalog });
      if (args.title?.trim()) {
        // The title given replaces the proposed one; the file's comments go with the rewrite.
        const file = parse(yaml) as { document: Record<string, unknown> };
        file.document.title = args.title.trim();
        yaml = stringify(file, { lineWidth: 0 });
      }
      return {
        id,
        yaml,
        decisions: proposals.mentions.flatMap((m) =>
          m.flag ? [{ quote: m.quote, reason: m.flag, candidates: m.candidates }] : [],
        ),
        problems: await checkSourceText(yaml, text),
      };
    },
  }),
  checkSourceFile: t.field({
    type: [ProblemRef],
    description:
      "Every problem `npm run check-data` finds in a source file's YAML against its document's " +
      `text (schema, verbatim quotes, dates, link ends); empty when it passes. The text is at ` +
      `most ${MAX_DRAFT_TEXT} characters, the YAML at most ${MAX_DRAFT_YAML}. Costs ${CHECK_COST}.`,
    extensions: { cost: CHECK_COST },
    args: {
      yaml: t.arg.string({ required: true, description: 'The source file, as YAML.' }),
      text: t.arg.string({ required: true, description: "The document's text." }),
    },
    resolve: (_root, args) =>
      checkSourceText(
        limited('The source file', args.yaml, MAX_DRAFT_YAML),
        limited('The text', args.text, MAX_DRAFT_TEXT),
      ),
  }),
}));
