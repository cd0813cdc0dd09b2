import type { LinkTypesQuery } from '../gql/graphql.ts';

type LinkTypeInfo = LinkTypesQuery['linkTypes'][number];

/** A choice among the vocabulary's link types, with the chosen one's meaning below it. */
export function LinkTypeSelect(props: {
  types: readonly LinkTypeInfo[] | undefined;
  value: string;
  onChange: (type: string) => void;
}) {
  const chosen = props.types?.find((t) => t.type === props.value);
  return (
    <>
      <label>
        Link type
        <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {props.types?.map((t) => (
            <option key={t.type} value={t.type} title={t.description}>
              {t.type}
            </option>
          ))}
        </select>
      </label>
      {chosen && <p class="muted">{chosen.description}</p>}
    </>
  );
}
