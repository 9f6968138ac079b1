/** The report window of the metric fixtures: [2026-03-02, 2026-03-16), 14 days = 2 weeks. */
export const FROM = "2026-03-02T00:00:00.000Z";
export const TO = "2026-03-16T00:00:00.000Z";

export function reportWindow(
  workspaceId: number,
  from = FROM,
  to = TO,
): { workspaceId: number; from: Date; to: Date } {
  return { workspaceId, from: new Date(from), to: new Date(to) };
}
