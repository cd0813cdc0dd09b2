import { factualSentences } from '../coverage.ts';
import { nonFactualCandidates } from '../draft.ts';
import { passage, type Quoted } from './quoted.ts';

/** The document cut into what states no fact and the factual sentences, each at its offsets. */
export interface Lines {
  nonFactual: Quoted[];
  sentences: Quoted[];
}

/**
 * Splits a text as `check-data` will (the same sentence rule), so each proposed quote is a
 * sentence or a part of one that the check finds.
 */
export function splitLines(text: string): Lines {
  const nonFactual = locate(text, nonFactualCandidates(text));
  const sentences = locate(
    text,
    factualSentences(
      text,
      nonFactual.map((n) => n.quote),
    ),
  );
  return { nonFactual, sentences };
}

/** Finds each passage after the previous one, in order. */
function locate(text: string, passages: string[]): Quoted[] {
  const found: Quoted[] = [];
  let from = 0;
  for (const p of passages) {
    let at = text.indexOf(p, from);
    if (at < 0) at = text.indexOf(p);
    if (at < 0) continue;
    found.push(passage(text, at, at + p.length));
    from = at + p.length;
  }
  return found;
}

/** The sentence that holds an offset. */
export function sentenceAt(sentences: Quoted[], at: number): Quoted | undefined {
  return sentences.find((s) => s.start <= at && at < s.end);
}
