import type { ImportPlan } from './import-plan.ts';

/** Sentence ends: punctuation, then a capital or quote; not after an initial ("V.V.") or "St.". */
const SENTENCE_END = /(?<![A-Z]\.[A-Z]?|\b(?:St|Mr|Mrs|Dr|Gen|No)\.)(?<=[.!?]["”]?)\s+(?=["“A-Z])/;

/**
 * The factual sentences of a document. A non-factual passage is a whole line (a heading), the start
 * of a line (a dateline before the lead), or a whole sentence: the line, the start or the sentence
 * is left out, and what remains of the line is split into sentences.
 */
export function factualSentences(text: string, nonFactual: string[]): string[] {
  const skip = new Set(nonFactual.map((passage) => passage.trim()));
  const lines = text.split('\n').map((line) => line.trim());
  // A passage that is a whole line somewhere (a bare year) only ever skips whole lines.
  const starts = [...skip]
    .filter((passage) => !lines.includes(passage))
    .sort((a, b) => b.length - a.length);
  return lines
    .filter((line) => line.length > 0 && !skip.has(line))
    .map((line) => {
      const start = starts.find((passage) => beginsWith(line, passage));
      return start ? line.slice(start.length).trim() : line;
    })
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0 && !skip.has(sentence));
}

/** Why a non-factual passage is none of a line, the start of a line or a sentence; else undefined. */
export function nonFactualProblem(text: string, passage: string): string | undefined {
  const wanted = passage.trim();
  const lines = text.split('\n').map((line) => line.trim());
  if (lines.some((line) => beginsWith(line, wanted))) return undefined;
  if (factualSentences(text, []).includes(wanted)) return undefined;
  return `neither a line, the start of a line, nor a sentence of the document: "${passage}"`;
}

/** `line` starts with the whole words of `passage`. */
function beginsWith(line: string, passage: string): boolean {
  return (
    line.startsWith(passage) &&
    (line.length === passage.length || /\s/.test(line[passage.length] ?? ''))
  );
}

export interface Coverage {
  sentences: number;
  covered: number;
  uncovered: string[];
}

/** Which factual sentences of the plan's document are stated by at least one quote of the plan. */
export function coverageOf(plan: ImportPlan): Coverage {
  const quotes = [...plan.entities, ...plan.links].flatMap((fact) => fact.quotes);
  const sentences = factualSentences(plan.document.text, plan.document.nonFactual);
  const uncovered = sentences.filter(
    (sentence) => !quotes.some((quote) => sentence.includes(quote) || quote.includes(sentence)),
  );
  return { sentences: sentences.length, covered: sentences.length - uncovered.length, uncovered };
}
