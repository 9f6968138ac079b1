import { describe, expect, test } from "vitest";

import { bandLabel } from "@/components/relevance/band-label";
import { divergingAxis, sendVsWantBars } from "@/components/relevance/send-vs-want-rows";

describe("send vs want", () => {
  const row = (topic: string, contacts: number, sendShare: number | null, wantShare: number | null) => ({
    topic,
    contacts,
    sendShare,
    signalWeight: 0,
    wantShare,
  });

  test("orders topics by send share − want share, most over-sent first; a null share counts as 0", () => {
    const bars = sendVsWantBars([
      row("yoga", 10, 0.1, 0.4),
      row("football", 60, 0.6, 0.1),
      row("skiing", 0, null, 0.2),
      row("sale", 30, 0.3, 0.3),
    ]);
    expect(bars.map((bar) => bar.topic)).toEqual(["football", "sale", "skiing", "yoga"]);
    expect(bars[0]).toMatchObject({ sendBar: -0.6, wantBar: 0.1 });
    expect(bars[0].gap).toBeCloseTo(0.5, 12);
  });

  test("the axis has round ticks up to 100 % and room beyond the widest bar", () => {
    // 32.4 % · 1.4 = 45.4 %: ticks every 10 points to 50 %.
    expect(divergingAxis(0.324)).toEqual({
      ticks: [-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5],
      limit: 0.5,
    });
    // A topic with every send: ticks stop at 100 %, the axis reaches 140 % for the value's label.
    const full = divergingAxis(1);
    expect(full.ticks).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(full.limit).toBeCloseTo(1.4, 12);
  });
});

test("relevance bands read as whole scores, the last one up to 100", () => {
  expect(["0-10", "10-20", "90-100", "none"].map(bandLabel)).toEqual(["0–9", "10–19", "90–100", "none"]);
});
