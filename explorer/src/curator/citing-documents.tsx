/** A document that states a fact: what a correction or a retraction changes it in. */
export interface CitingDocument {
  slug: string;
  title: string;
}

/** Which fact, as the write API names it. */
export type Fact =
  | { entity: string }
  | {
      link: { type: string; from: string; to: string; role?: string | null; date?: string | null };
    };

/** What "Correct…" and "Retract…" act on: a fact, its name, the documents that state it. */
export interface FactActionProps {
  fact: Fact;
  label: string;
  documents: CitingDocument[];
  /** Called once the write is made: the page reads the graph again. */
  onDone: () => void;
}

/** The documents among citations, each once. */
export function citingDocuments(citations: { document: CitingDocument }[]): CitingDocument[] {
  const seen = new Map(citations.map((c) => [c.document.slug, c.document]));
  return [...seen.values()];
}

/** Which citing document a write changes; no choice to make when only one states the fact. */
export function DocumentChoice(props: {
  documents: CitingDocument[];
  value: string;
  onChange: (slug: string) => void;
}) {
  if (props.documents.length < 2) return null;
  return (
    <label>
      As stated by
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.documents.map((d) => (
          <option key={d.slug} value={d.slug}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The button that opens a fact's correction or retraction form: "Correct…", "Retract…". */
export function FactActionButton(props: { verb: string; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      class={`small ${props.verb.toLowerCase()}`}
      aria-label={`${props.verb} ${props.label}`}
      onClick={props.onClick}
    >
      {props.verb}…
    </button>
  );
}
