import { dateOf, type Item } from '../lib/draft-file.ts';

/** Fields a curator edits in place, by section. */
const FIELDS: Record<Item['section'], string[]> = {
  document: ['id', 'title', 'publisher', 'kind', 'source'],
  entities: ['id', 'kind', 'name', 'date'],
  links: ['type', 'from', 'to', 'date'],
};

interface Props {
  item: Item;
  selected: boolean;
  problems: string[];
  onSelect: () => void;
  onEdit: (field: string, value: string) => void;
  onAccept: () => void;
  onDrop: () => void;
  onChoose: (index: number) => void;
}

/** What a proposal is called in the list: its id, or its link. */
function labelOf(item: Item): string {
  const e = item.entry;
  if (item.section === 'links') return `${e.from} ${e.type} ${e.to}`;
  if (item.section === 'document') return `Document ${e.id ?? ''}`;
  return `${e.id} (${e.kind})`;
}

/** One proposal: its fields to edit, its `decide:` and candidates, accept and drop. */
export function DraftProposal(props: Props) {
  const { item, selected, problems } = props;
  const label = labelOf(item);
  const decide = typeof item.entry.decide === 'string' ? item.entry.decide : undefined;
  const dropped = item.review === 'dropped';
  return (
    <li
      class={`proposal ${item.review}${selected ? ' selected' : ''}`}
      data-key={item.key}
      data-review={item.review}
    >
      <button type="button" class="proposal-head" aria-pressed={selected} onClick={props.onSelect}>
        {label}
      </button>
      {!dropped && (
        <div class="proposal-fields">
          {FIELDS[item.section].map((field) => {
            const value = field === 'date' ? dateOf(item.entry) : String(item.entry[field] ?? '');
            return (
              <label key={field}>
                {field}
                <input
                  value={value}
                  aria-label={`${field} of ${label}`}
                  onInput={(e) => props.onEdit(field, (e.target as HTMLInputElement).value)}
                />
              </label>
            );
          })}
        </div>
      )}
      {!dropped && decide && (
        <p class="decide">
          <strong>Decide:</strong> {decide}
        </p>
      )}
      {!dropped && decide && item.decision && (
        <fieldset class="candidates">
          <legend>Which entity does “{item.decision.quote}” name?</legend>
          {item.decision.candidates.map((c, i) => (
            <button type="button" key={c.id} onClick={() => props.onChoose(i)}>
              {c.name} ({c.kind}, {c.id}, {Math.round(c.confidence * 100)} %)
            </button>
          ))}
        </fieldset>
      )}
      {!dropped && problems.length > 0 && (
        <ul class="proposal-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div class="proposal-actions">
        {!dropped && item.review !== 'accepted' && (
          <button type="button" onClick={props.onAccept}>
            Accept {label}
          </button>
        )}
        {item.section !== 'document' && (
          <button type="button" onClick={props.onDrop}>
            {dropped ? 'Restore' : 'Drop'} {label}
          </button>
        )}
      </div>
    </li>
  );
}
