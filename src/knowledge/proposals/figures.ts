import type { DateProposal } from './dates.ts';
import { NUMBER_WORDS } from './number-words.ts';
import { passage, type Quoted } from './quoted.ts';
import { sentenceAt } from './sentences.ts';

/** A number the text states with its unit: a Figure to declare. */
export interface FigureProposal extends Quoted {
  value: number;
  /** The number in words, when not in digits ("three"). */
  valueAsWritten?: string;
  unit: string;
  /** Written as approximate ("about", "nearly", "some", "more than"). */
  about: boolean;
  /** The date of the same sentence the figure is for. */
  period?: DateProposal;
}

const WORDS = NUMBER_WORDS.slice(1);

/**
 * "$4.2 billion", "about 12 percent", "nearly 3,000 troops", "three people": the number, scaled
 * units kept as written ("billion USD"), and whether the text says it is approximate.
 */
const FIGURE = new RegExp(
  String.raw`(?:\b(about|around|nearly|almost|some|roughly|more than|over|up to)\s+)?` +
    String.raw`(\$|€|£)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\b(?:${WORDS.join('|')})\b)` +
    String.raw`(?:\s+(thousand|million|billion|trillion))?` +
    String.raw`(?:\s*(%|percent|per cent)|\s+((?:[a-z]+\s+)?(?:dollars|euros|tonnes|tons|kilograms|kg|grams|litres|liters|barrels|troops|soldiers|people|refugees|migrants|students|visitors|tourists|flights|aircraft|jets|missiles|drones|vehicles|ships|kilometres|kilometers|km|miles|megawatts|jobs)))?`,
  'gi',
);

export function proposeFigures(
  text: string,
  sentences: Quoted[],
  dates: DateProposal[],
): FigureProposal[] {
  const found: FigureProposal[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [, about, currency, number = '', scale, percent, noun] = m;
    // A bare number (a year, a day, a resolution's number) is no figure.
    if (!currency && !percent && !noun) continue;
    if (dates.some((d) => m.index < d.end && d.start < m.index + m[0].length)) continue;
    const word = WORDS.indexOf(number.toLowerCase());
    const base = word >= 0 ? word + 1 : Number(number.replace(/,/g, ''));
    const unit = [
      scale,
      currency === '$' ? 'USD' : currency === '€' ? 'EUR' : currency === '£' ? 'GBP' : undefined,
      percent ? 'percent' : noun?.toLowerCase().replace(/^.*\s(dollars)$/, 'USD'),
    ]
      .filter(Boolean)
      .join(' ');
    const start = m.index + (about ? 0 : m[0].length - m[0].trimStart().length);
    const sentence = sentenceAt(sentences, start);
    const period = dates.find(
      (d) =>
        sentence && d.start >= sentence.start && d.end <= sentence.end && d.precision !== 'day',
    );
    found.push({
      ...passage(text, start, m.index + m[0].length),
      value: base,
      ...(word >= 0 ? { valueAsWritten: number } : {}),
      unit,
      about: Boolean(about),
      ...(period ? { period } : {}),
    });
  }
  return found;
}
