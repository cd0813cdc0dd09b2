import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FactForm } from './fact-form.tsx';
import type { Passage } from './passage.ts';
import { selectedPassage } from './selection.ts';
import { useSession } from './use-session.ts';

/**
 * On a document's page, signed in: a selected passage of its text offers "Add fact from this
 * passage", which opens the form with the passage as the quote.
 */
export function PassageFact(props: {
  document: string;
  text: string;
  container: RefObject<HTMLElement>;
}) {
  const session = useSession();
  const [selected, setSelected] = useState<Passage | null>(null);
  const [editing, setEditing] = useState<Passage | null>(null);
  useEffect(() => {
    if (!session) return;
    const follow = () => {
      const container = props.container.current;
      if (container) setSelected(selectedPassage(container, props.text));
    };
    document.addEventListener('selectionchange', follow);
    // A passage selected before this listener existed (effects run after the page is drawn).
    follow();
    return () => document.removeEventListener('selectionchange', follow);
  }, [session, props.text]);
  if (!session) return null;
  if (editing)
    return (
      <FactForm document={props.document} passage={editing} onClose={() => setEditing(null)} />
    );
  return (
    <div class="passage-bar" aria-live="polite">
      {selected ? (
        <button type="button" onClick={() => setEditing(selected)}>
          Add fact from this passage
        </button>
      ) : (
        <p class="muted">Select a passage of the text to add a fact it states.</p>
      )}
    </div>
  );
}
