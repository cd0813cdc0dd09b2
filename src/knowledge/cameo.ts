import { readFileSync } from 'node:fs';

/**
 * The CAMEO event codebook (Conflict and Mediation Event Observations; Schrodt, Gerner and
 * Yilmaz), as GDELT and ICEWS use it, with the Goldstein weight of each code. The codes live in
 * `data/codebooks/cameo.tsv`; `data/codebooks/README.md` names where they were taken from.
 */

/** CAMEO's four quad classes: verbal or material, cooperation or conflict. */
export const QUAD_CLASSES = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
} as const;
export type QuadClass = keyof typeof QUAD_CLASSES;

/** One code of the codebook, with its root category, quad class and Goldstein weight. */
export interface CameoCode {
  code: string;
  name: string;
  /** The two-digit root category (`05` for `055`). */
  root: string;
  rootName: string;
  quadClass: QuadClass;
  /** The Goldstein weight, from -10 (most conflictual) to +10 (most cooperative). */
  goldstein: number;
}

export const CAMEO_FILE = new URL('../../data/codebooks/cameo.tsv', import.meta.url);

/** GDELT's quad class of a root: 01–05, 06–09, 10–14, 15–20. */
function quadClassOf(root: number): QuadClass {
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

/** Parses the codebook's tab-separated lines (`code`, `goldstein`, `name`). */
export function parseCodebook(text: string): Map<string, CameoCode> {
  const rows = text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [code = '', goldstein = '', name = ''] = line.split('\t');
      return { code, goldstein: Number(goldstein), name };
    });
  const names = new Map(rows.map((row) => [row.code, row.name]));
  return new Map(
    rows.map(({ code, goldstein, name }) => {
      const root = code.slice(0, 2);
      const entry: CameoCode = {
        code,
        name,
        root,
        rootName: names.get(root) ?? root,
        quadClass: quadClassOf(Number(root)),
        goldstein,
      };
      return [code, entry];
    }),
  );
}

/** The codebook, read once. */
export const CAMEO_CODES: ReadonlyMap<string, CameoCode> = parseCodebook(
  readFileSync(CAMEO_FILE, 'utf8'),
);

/** A code's entry, or a message saying it is unknown and naming the nearest codes. */
export function cameoCode(code: string): CameoCode | string {
  const found = CAMEO_CODES.get(code);
  if (found) return found;
  const siblings = [...CAMEO_CODES.keys()].filter(
    (known) => known.startsWith(code.slice(0, 2)) && known.length >= 3,
  );
  const hint =
    siblings.length > 0 ? `; codes under ${code.slice(0, 2)}: ${siblings.join(', ')}` : '';
  return `unknown CAMEO code "${code}" (data/codebooks/cameo.tsv lists them)${hint}`;
}
