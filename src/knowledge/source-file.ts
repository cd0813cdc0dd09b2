import { z } from 'zod';
import { DIPLOMATIC_STATUSES, ENTITY_KINDS, LINK_TYPE_NAMES } from './vocabulary.ts';

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

/** Verbatim quotes from the document that state the fact: one, or several. */
const cite = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: 'must be a verbatim quote or a list of them',
});

const base = {
  id: slug,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().min(1),
  cite,
  note: z.string().min(1).optional(),
};

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
  'other',
] as const;

const entity = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...base, kind: z.literal('Country') }).strict(),
    z.object({ ...base, kind: z.literal('Person') }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('Treaty'),
        subject: z.string().min(1),
        signed: dateField.optional(),
        inForce: dateField.optional(),
      })
      .strict(),
    z.object({ ...base, kind: z.literal('Incident'), date: dateField.optional() }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('Event'),
        category: z.enum(EVENT_CATEGORIES),
        date: dateField.optional(),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('UNResolution'),
        number: z.string().regex(/^\d+$/, 'must be the resolution number, digits only'),
        organ: z.enum(['Security Council', 'General Assembly']),
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
        unit: z.string().min(1),
        measure: z.string().min(1),
        period: dateField.optional(),
      })
      .strict(),
    z
      .object({ ...base, kind: z.literal('Equipment'), category: z.string().min(1).optional() })
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
    type: z.enum(LINK_TYPE_NAMES, {
      error: (issue) => `unknown link type ${JSON.stringify(issue.input)}`,
    }),
    from: slug,
    to: slug,
    role: z.string().min(1).optional(),
    date: dateField.optional(),
    validFrom: dateField.optional(),
    validTo: dateField.optional(),
    cite,
    note: z.string().min(1).optional(),
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
