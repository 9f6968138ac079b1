import { describe, expect, test } from "vitest";

import { formatDate, formatDateTime, formatTimeAgo } from "@/lib/format";

const NOW = new Date("2026-11-23T12:00:00Z");
const ago = (seconds: number) => formatTimeAgo(new Date(NOW.getTime() - seconds * 1000), NOW);

describe("formatTimeAgo", () => {
  test("says 'just now' under a minute, and for a clock slightly ahead", () => {
    expect(ago(0)).toBe("just now");
    expect(ago(59)).toBe("just now");
    expect(ago(-5)).toBe("just now");
  });

  test("uses the largest whole unit that fits, rounding down", () => {
    expect(ago(60)).toBe("1 minute ago");
    expect(ago(59 * 60 + 59)).toBe("59 minutes ago");
    expect(ago(2 * 3600)).toBe("2 hours ago");
    expect(ago(36 * 3600)).toBe("yesterday");
    expect(ago(3 * 86400)).toBe("3 days ago");
    expect(ago(45 * 86400)).toBe("last month"); // 45 days: one 30-day month
    expect(ago(400 * 86400)).toBe("last year");
  });
});

describe("formatDateTime and formatDate", () => {
  test("show the instant in the workspace's time zone and locale", () => {
    // 23:30 UTC on 31 Oct is already 1 Nov in Copenhagen (UTC+1 in winter).
    const instant = new Date("2026-10-31T23:30:00Z");
    expect(formatDate(instant, "en", "Europe/Copenhagen")).toBe("1 Nov 2026");
    expect(formatDateTime(instant, "en", "Europe/Copenhagen")).toBe("1 Nov 2026, 00:30");
    expect(formatDate(instant, "en", "UTC")).toBe("31 Oct 2026");
  });
});
