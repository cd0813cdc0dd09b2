import type { EntityKind } from '../gql/graphql.ts';
import { KINDS, kindColour, kindLabel } from '../lib/kinds.ts';

/** The kinds the URL's `kind` parameters name, unknown ones left out. */
export const kindsIn = (params: URLSearchParams): EntityKind[] =>
  params.getAll('kind').filter((k): k is EntityKind => KINDS.includes(k as EntityKind));

/** The URL's `kind` parameters set to `kinds` (the search and the timeline keep theirs there). */
export function withKinds(params: URLSearchParams, kinds: readonly EntityKind[]): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('kind');
  for (const kind of kinds) next.append('kind', kind);
  return next;
}

/** A row of kind toggles: `onChange` gets the kinds chosen once one is toggled. */
export function KindFilter({
  legend,
  kinds,
  chosen,
  onChange,
}: {
  legend: string;
  kinds: readonly EntityKind[];
  chosen: readonly EntityKind[];
  onChange: (chosen: EntityKind[]) => void;
}) {
  const toggle = (kind: EntityKind) =>
    onChange(chosen.includes(kind) ? chosen.filter((k) => k !== kind) : [...chosen, kind]);
  return (
    <fieldset class="kind-filter">
      <legend>{legend}</legend>
      {kinds.map((kind) => (
        <button
          type="button"
          key={kind}
          aria-pressed={chosen.includes(kind)}
          style={{ '--kind': kindColour(kind) }}
          onClick={() => toggle(kind)}
        >
          {kindLabel(kind)}
        </button>
      ))}
    </fieldset>
  );
}
