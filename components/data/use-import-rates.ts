"use client";

import { useState } from "react";

import { isActiveImport, type ImportView } from "@/lib/import/import-view";

/** How far back the rates look: long enough to smooth out rows committed in chunks. */
const WINDOW_MS = 15_000;
/** The shortest span a rate is computed over. */
const MIN_SPAN_MS = 1_500;

interface Sample {
  at: number;
  rows: number;
  bytes: number;
}

export interface ImportRate {
  rowsPerSecond: number;
  bytesPerSecond: number;
}

type Samples = Record<number, Sample[]>;

function addSamples(previous: Samples, imports: readonly ImportView[], at: number): Samples {
  const next: Samples = {};
  for (const view of imports) {
    if (!isActiveImport(view)) continue;
    const sample = { at, rows: view.rowsDone, bytes: view.bytesDone };
    const kept = (previous[view.id] ?? []).filter(
      (old) => at - old.at <= WINDOW_MS && old.rows <= sample.rows,
    );
    const last = kept[kept.length - 1];
    next[view.id] = last && last.at === at ? kept : [...kept, sample];
  }
  return next;
}

function rateOf(samples: readonly Sample[]): ImportRate | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return null;
  const seconds = (last.at - first.at) / 1000;
  return {
    rowsPerSecond: (last.rows - first.rows) / seconds,
    bytesPerSecond: (last.bytes - first.bytes) / seconds,
  };
}

/**
 * Rows and bytes per second of each active import, from how its counters moved between
 * successive polls (`at` is when the data arrived), averaged over the last 15 seconds.
 */
export function useImportRates(
  imports: readonly ImportView[],
  at: number,
): Record<number, ImportRate | null> {
  const [tracked, setTracked] = useState(() => ({ at, samples: addSamples({}, imports, at) }));
  let samples = tracked.samples;
  if (tracked.at !== at) {
    samples = addSamples(tracked.samples, imports, at);
    setTracked({ at, samples });
  }
  const rates: Record<number, ImportRate | null> = {};
  for (const [id, list] of Object.entries(samples)) rates[Number(id)] = rateOf(list);
  return rates;
}
