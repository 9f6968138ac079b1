/** How much of a file the preview reads: enough for the header and the first rows. */
export const PREVIEW_BYTES = 64 * 1024;

/**
 * The start of a file as text, without reading the rest: the first 64 KB, cut after its
 * last complete line (a line cut in two would look like a broken row), without a byte order
 * mark. A file shorter than 64 KB is read whole.
 */
export async function readFileHead(file: File): Promise<string> {
  let text = await file.slice(0, PREVIEW_BYTES).text();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (file.size <= PREVIEW_BYTES) return text;
  const end = text.lastIndexOf("\n");
  return end === -1 ? text : text.slice(0, end + 1);
}

/** The first line of a text, without its line break. */
export function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, "");
}
