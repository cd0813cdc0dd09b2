import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import type { EntityKind } from '../gql/graphql.ts';
import { SearchQuery } from '../queries/search.ts';
import { KindBadge } from './bits.tsx';
import { useEntityName } from './entity-name.tsx';
import { useDebounced } from './hooks.ts';

export interface PickedEntity {
  slug: string;
  name: string;
  kind: EntityKind;
}

/**
 * A text box that finds an entity as you type (arrows move, Enter picks, Escape closes), for the
 * views that need one chosen: relation, path, timeline.
 */
export function EntityPicker(props: {
  label: string;
  value?: string;
  kinds?: EntityKind[];
  onPick: (entity: PickedEntity) => void;
  id: string;
}) {
  const [text, setText] = useState('');
  const current = useEntityName(props.value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 120);
  const [result] = useQuery({
    query: SearchQuery,
    variables: { text: query, kinds: props.kinds, first: 8 },
    pause: query.length < 2,
  });
  const hits = result.data?.search.edges.map((e) => e.node) ?? [];
  const pick = (hit: PickedEntity | undefined) => {
    if (!hit) return;
    props.onPick(hit);
    setText('');
    setOpen(false);
  };
  const listId = `${props.id}-list`;
  return (
    <div class="picker">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        placeholder={props.value ? `${current ?? '…'} — type to change` : 'Type a name…'}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setOpen(true);
          setActive(0);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') pick(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && query.length >= 2 && (
        <div class="picker-list" id={listId} role="listbox">
          {result.fetching && hits.length === 0 && <div class="muted">Searching…</div>}
          {!result.fetching && hits.length === 0 && <div class="muted">No match for “{query}”</div>}
          {hits.map((hit, i) => (
            <div
              key={hit.slug}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
            >
              {hit.name} <KindBadge kind={hit.kind} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
