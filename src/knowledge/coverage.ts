import type { ImportPlan } from './import-plan.ts';

/** Sentence ends: punctuation, then a capital or quote; not after an initial ("V.V.") or "St.". */
const SENTENCE_END = /(?<![A-Z]\.[A-Z]?|\b(?:St|Mr|Mrs|Dr|Gen|No)\.)(?<=[.!?]["”]?)\s+(?=["“A-Z])/;

/** The factual sentences of a document: every line not listed as non-factual, split at sentence ends. */
export function factualSentences(text: string, nonFactual: string[]): string[] {
  const skip = new Set(nonFactual.map((line) => line.trim()));
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !skip.has(line))
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
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
