import { type Passage, passageOf } from './passage.ts';

/** How many characters of `container`'s text come before (node, offset). */
function offsetIn(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The passage of `text` the window's selection covers inside `container` (whose text content is
 * `text`, marks and all), or null when the selection is empty or leaves it.
 */
export function selectedPassage(container: HTMLElement, text: string): Passage | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const start = offsetIn(container, range.startContainer, range.startOffset);
  const end = offsetIn(container, range.endContainer, range.endOffset);
  return passageOf(text, start, end);
}
