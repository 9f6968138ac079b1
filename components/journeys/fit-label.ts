/** Rough width of one character of an 11 px label in the interface's sans-serif font. */
const CHAR_PX = 6.1;

/** `text` cut with "…" so that it fits in about `maxPx` pixels (the full text stays in tooltip and table). */
export function fitLabel(text: string, maxPx: number): string {
  const fits = Math.max(4, Math.floor(maxPx / CHAR_PX));
  return text.length <= fits ? text : `${text.slice(0, fits - 1).trimEnd()}…`;
}
