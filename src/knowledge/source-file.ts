import { z } from 'zod';
import { DIPLOMATIC_STATUSES, ENTITY_KINDS } from './vocabulary.ts';

/** The format of a source file: one YAML file per document, holding every fact it states. */

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be a slug: lower-case letters, digits and single dashes',
  );

/** A date as written: `1953-02`, or `{ value: ~1948-05-25, asWritten: "about a week later" }`. */
export const dateField = z.union([
  z.string(),
  // A bare year is a YAML number.
  z.number().int().transform(String),
  z.object({ value: z.string(), asWritten: z.string().min(1) }).strict(),
]);
export type DateField = z.infer<typeof dateField>;

/**
 * A quote that gives another quote its context (the heading with the year, the earlier sentence
 * naming "the country"): verbatim like any quote, stored with the same citation.
 */
const contextQuote = z.object({ context: z.string().min(1) }).strict();
export type CiteItem = string | z.infer<typeof contextQuote>;

/** Verbatim quotes from the document that state the fact: one, or several, with their context. */
const cite = z.union(
  [
    z.string().min(1),
    z
      .array(z.union([z.string().min(1), contextQuote]))
      .min(1)
      .refine((items) => items.some((item) => typeof item === 'string'), {
        message: 'needs a quote that states the fact, not only context',
      }),
  ],
  { error: 'must be a verbatim quote or a list of them (and of { context: quote })' },
);

/** Whether an event happened, is planned (announced, scheduled) or only proposed (called for). */
export const OCCURRENCES = ['happened', 'planned', 'proposed'] as const;

const base = {
  id: slug,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** Names a user will type that the documents do not use (a usual spelling); added by a curator. */
  curatorAliases: z.array(z.string().min(1)).default([]),
  description: z.string().min(1),
  cite,
  note: z.string().min(1).optional(),
  /** Who the document attributes this to ("according to …", "… said"): an id in this file. */
  accordingTo: slug.optional(),
  /** Whose words the document reports for it (a spokesman quoted): an id in this file. */
  quoting: slug.optional(),
};

/** A CAMEO event code, in quotes: unquoted, YAML reads 055 as the number 55. */
const cameo = z.string({
  error: (issue) =>
    issue.input === undefined
      ? 'is required: the CAMEO event code (data/codebooks/cameo.tsv), e.g. "042" for a visit'
      : `must be a CAMEO code in quotes ("055", not 055: YAML reads that as the number 55)`,
});

/** "The first ever visit", "the last minister": the document's own first or last. */
export const ORDINALS = ['first', 'last'] as const;

/** An ISO 3166 code: alpha-2 of ISO 3166-1, or alpha-4 of ISO 3166-3 for a former country. */
const isoCode = z
  .string()
  .regex(/^[A-Z]{2}(?:[A-Z]{2})?$/, 'must be an ISO 3166-1 alpha-2 or ISO 3166-3 alpha-4 code');

export const EVENT_CATEGORIES = [
  'visit',
  'meeting',
  'opening',
  'recognition',
  'establishment-of-ties',
  'break-of-ties',
  'restoration-of-ties',
  'anniversary',
  'announcement',
  'agreement',
  'statement',
  'decision',
  'delivery',
  'cancellation',
  'negotiation',
  'military-operation',
  'interview',
  'phone-call',
  'summons',
  'apology',
  'condemnation',
  'accusation',
  'other',
] as const;

const entity = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...base, kind: z.literal('Country'), iso3166: isoCode.optional() }).strict(),
    z.object({ ...base, kind: z.literal('Person'), rank: z.string().min(1).optional() }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('Treaty'),
        subject: z.string().min(1),
        signed: dateField.optional(),
        inForce: dateField.optional(),
        /** When an initiative or plan was put forward, for one the document does not say was signed. */
        proposed: dateField.optional(),
      })
      .strict(),
    z.object({ ...base, kind: z.literal('Incident'), cameo, date: dateField.optional() }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('Event'),
        category: z.enum(EVENT_CATEGORIES),
        occurrence: z.enum(OCCURRENCES).default('happened'),
        cameo,
        ordinal: z.enum(ORDINALS).optional(),
        date: dateField.optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('UNResolution'),
        number: z.string().regex(/^\d+$/, 'must be the resolution number, digits only'),
        /** Absent when the document does not name the organ ("UN resolutions 242, 338"). */
        organ: z.enum(['Security Council', 'General Assembly']).optional(),
        subject: z.string().min(1).optional(),
        date: dateField.optional(),
      })
      .strict(),
    z
      .object({ ...base, kind: z.literal('Organization'), category: z.string().min(1).optional() })
      .strict(),
    z.object({ ...base, kind: z.literal('Place') }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('Conflict'),
        start: dateField.optional(),
        end: dateField.optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('Figure'),
        value: z.number(),
        /** The number in the document's words when it is not written in digits ("three"). */
        valueAsWritten: z.string().min(1).optional(),
        unit: z.string().min(1),
        measure: z.string().min(1),
        period: dateField.optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('Equipment'),
        category: z.string().min(1).optional(),
        /** How many, for a group of individual items ("four Israeli F-16 fighter jets"). */
        quantity: z.number().int().positive().optional(),
        quantityAsWritten: z.string().min(1).optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('StatusPeriod'),
        status: z.enum(DIPLOMATIC_STATUSES),
        validFrom: dateField,
        validTo: dateField.optional(),
      })
      .strict(),
  ],
  {
    error: (issue) =>
      `unknown kind ${JSON.stringify((issue.input as { kind?: unknown } | undefined)?.kind)}; ` +
      `expected one of ${ENTITY_KINDS.join(', ')}`,
  },
);
export type EntityEntry = z.infer<typeof entity>;

const link = z
  .object({
    // An unknown type is explained by check-source-file (ends, nearest type), not here.
    type: z.string().min(1),
    from: slug,
    to: slug,
    role: z.string().min(1).optional(),
    ordinal: z.enum(ORDINALS).optional(),
    date: dateField.optional(),
    validFrom: dateField.optional(),
    validTo: dateField.optional(),
    cite,
    note: z.string().min(1).optional(),
    /** Who the document attributes the link to ("according to …", "… said"): an id in this file. */
    accordingTo: slug.optional(),
    /** Whose words the document reports for it: an id in this file. */
    quoting: slug.optional(),
  })
  .strict();
export type LinkEntry = z.infer<typeof link>;

export const sourceFileSchema = z
  .object({
    document: z
      .object({
        id: slug,
        title: z.string().min(1),
        publisher: z.string().min(1),
        kind: z.string().min(1),
        language: z.string().min(2).default('en'),
        /** The document's text file, relative to this file. */
        source: z.string().min(1),
        /** Lines of the document that state no fact (headers, navigation), verbatim. */
        nonFactual: z.array(z.string().min(1)).default([]),
        note: z.string().min(1).optional(),
      })
      .strict(),
    entities: z.array(entity).min(1),
    links: z.array(link).default([]),
  })
  .strict();
export type SourceFile = z.infer<typeof sourceFileSchema>;
