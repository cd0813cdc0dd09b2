import { iso31661, iso31663 } from 'iso-3166';
import type { Properties } from './import-plan.ts';

/**
 * A country's ISO 3166 codes, looked up in the `iso-3166` package: an alpha-2 code of ISO 3166-1
 * (a current country), or an alpha-4 code of ISO 3166-3 (a former one, with the ISO 3166-1 codes it
 * had). Returns the properties stored on the country, or what is wrong with the code.
 */
export function isoCodesOf(code: string): Properties | string {
  if (code.length === 2) {
    const current = iso31661.find((entry) => entry.alpha2 === code);
    if (current) {
      return {
        isoAlpha2: current.alpha2,
        isoAlpha3: current.alpha3,
        isoNumeric: current.numeric,
        isoName: current.name,
        isoAlpha4: null,
        isoFormer: false,
      };
    }
    const former = iso31663.find((entry) => entry.from.alpha2 === code);
    return former
      ? `"${code}" is a former code: give its ISO 3166-3 code "${former.alpha4}" (${former.from.name})`
      : `"${code}" is not an ISO 3166-1 alpha-2 code`;
  }
  const former = iso31663.find((entry) => entry.alpha4 === code);
  if (!former) return `"${code}" is not an ISO 3166-3 alpha-4 code`;
  return {
    isoAlpha2: former.from.alpha2,
    isoAlpha3: former.from.alpha3,
    isoNumeric: former.from.numeric ?? null,
    isoName: former.from.name,
    isoAlpha4: former.alpha4,
    isoFormer: true,
  };
}
