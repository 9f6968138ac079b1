/**
 * Runs `load` once the page has loaded (at once when it already has), so that a chunk it
 * fetches is not part of the page's first load. Nothing on the server.
 */
export function afterPageLoad<T>(load: () => Promise<T>): Promise<T> | null {
  if (typeof window === "undefined") return null;
  return new Promise<void>((resolve) => {
    if (document.readyState === "complete") setTimeout(resolve, 0);
    else window.addEventListener("load", () => setTimeout(resolve, 0), { once: true });
  }).then(load);
}
