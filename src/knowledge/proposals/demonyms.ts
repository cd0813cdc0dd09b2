import { iso31661 } from 'iso-3166';

/** Country names (ISO 3166-1, short forms and usual names) with their alpha-2 codes. */
export const COUNTRIES = new Map<string, string>(
  iso31661.flatMap((c) => {
    const short = c.name.replace(/\s*\(.*\)$/, '').replace(/,.*$/, '');
    return [[short, c.alpha2] as [string, string], [c.name, c.alpha2] as [string, string]];
  }),
);
for (const [name, code] of [
  ['United States', 'US'],
  ['Iran', 'IR'],
  ['Syria', 'SY'],
  ['Russia', 'RU'],
  ['Turkey', 'TR'],
  ['South Korea', 'KR'],
  ['North Korea', 'KP'],
  ['Vietnam', 'VN'],
  ['Venezuela', 'VE'],
  ['Bolivia', 'BO'],
  ['Tanzania', 'TZ'],
  ['Laos', 'LA'],
  ['Moldova', 'MD'],
  ['Britain', 'GB'],
  ['United Kingdom', 'GB'],
] as [string, string][])
  COUNTRIES.set(name, code);

/** Demonyms no suffix rule reaches, and abbreviations. */
const IRREGULAR: Record<string, string> = {
  US: 'United States',
  UK: 'United Kingdom',
  British: 'United Kingdom',
  American: 'United States',
  Portuguese: 'Portugal',
  Norwegian: 'Norway',
  Dutch: 'Netherlands',
  French: 'France',
  Greek: 'Greece',
  Swiss: 'Switzerland',
  Danish: 'Denmark',
  Swedish: 'Sweden',
  Finnish: 'Finland',
  Polish: 'Poland',
  Spanish: 'Spain',
  Turkish: 'Turkey',
  Saudi: 'Saudi Arabia',
  Emirati: 'United Arab Emirates',
  Filipino: 'Philippines',
  Thai: 'Thailand',
  Welsh: 'United Kingdom',
  Irish: 'Ireland',
  Icelandic: 'Iceland',
  Malagasy: 'Madagascar',
  Peruvian: 'Peru',
  Cypriot: 'Cyprus',
  Omani: 'Oman',
  Yemeni: 'Yemen',
  Qatari: 'Qatar',
  Iraqi: 'Iraq',
  Kuwaiti: 'Kuwait',
  Pakistani: 'Pakistan',
  Afghan: 'Afghanistan',
  Argentine: 'Argentina',
  Argentinian: 'Argentina',
  'South Korean': 'South Korea',
  'North Korean': 'North Korea',
  'South African': 'South Africa',
  'New Zealand': 'New Zealand',
};

/** "Brazilian", "Lebanese", "Turkish", "US": the country a demonym names, if any. */
export function countryOfDemonym(word: string): string | undefined {
  if (IRREGULAR[word]) return IRREGULAR[word];
  // A country's own name ("Oman", "Japan") is no demonym, though it ends like one.
  if (COUNTRIES.has(word)) return undefined;
  for (const suffix of ['n', 'an', 'ian', 'ean', 'ese', 'ish', 'i']) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < 3) continue;
    const country = [...COUNTRIES.keys()].find(
      (c) => !c.includes(' ') && c.startsWith(stem) && c.length - stem.length <= 3,
    );
    if (country) return country;
  }
  return undefined;
}
