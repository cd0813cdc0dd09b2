/** A figure's value as a reader writes it, with its unit: "1,200,000,000 US dollars". */
export function formatFigure(value: number, unit?: string | null): string {
  const number = Number.isFinite(value) ? value.toLocaleString('en') : 'unknown';
  return unit ? `${number} ${unit}` : number;
}
