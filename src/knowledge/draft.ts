/**
 * A line that states nothing: no sentence end and a few words (a heading, a menu item, a bare
 * date). A longer line without a full stop is a headline, which states facts ("Israel summons
 * Russian envoy over minister's remarks"): it is left to the factual sentences.
 */
const HEADING = /^(?!.*[.!?:;"”]$)(?!(?:\S+\s+){5}\S).{1,80}$/;
/**
 * A dateline before the lead on the same line: a capitalised place or agency, perhaps a day and
 * its year, a parenthesised or slashed source, then a full stop or dash (`MOSCOW, June 5 /TASS/.`,
 * `GENEVA, June 12, 2025 (Wire) -`).
 */
const DATELINE =
  /^[A-Z]{2,}(?:[ -][A-Z]{2,})*(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?(?:\s*\([^)]{1,40}\)|\s*\/[^/]{1,40}\/)?\s*(?:\.|[-–—])(?=\s+\S)/;

/** Passages of a text that probably state no fact: headings, bare dates, datelines. */
export function nonFactualCandidates(text: string): string[] {
  const candidates: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.length === 0) continue;
    const dateline = DATELINE.exec(line);
    if (dateline) candidates.push(dateline[0]);
    else if (HEADING.test(line)) candidates.push(line);
  }
  return [...new Set(candidates)];
}
