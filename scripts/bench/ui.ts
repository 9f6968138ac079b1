// npm run bench:ui [-- --url http://localhost:3000 --runs 5]
//
// Times each dashboard page of the demo workspace in real Chromium: from navigation until
// every tile has its data (no tile busy, no skeleton left), median and worst of `--runs`
// loads after one warm-up, against the 2 s target — twice: loads that follow one another
// (the server's metric cache answers), and loads that each follow a change of the workspace's
// data (one event ingested through the API, dated 2020 so that no report window moves), so
// that every metric is computed afresh. Also prints each page's first-load
// JavaScript: the scripts a fresh browser downloads for it, gzipped. Without --url it starts
// the production server (`npm start`: builds when needed, seeds the embedded demo) on port
// 3200. Not a test: it prints.
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

import { DEMO_API_KEY } from "../../prisma/seed/demo-workspace";

import { startProductionServer, stopServer } from "./production-server";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const { values } = parseArgs({
  options: { url: { type: "string" }, runs: { type: "string", default: "5" } },
});
const RUNS = Number(values.runs);
const TARGET_MS = 2000;
const PAGES = ["overview", "frequency", "relevance", "journeys", "segments", "customers", "loyalty"];
const WORKSPACE = "nordlys-sport";

async function signIn(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("E-mail").fill(`analyst@${WORKSPACE}.example`);
  await page.getByLabel("Password").fill("nordlys-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/overview/);
  return page;
}

/** Milliseconds from navigation until no tile is busy and no skeleton is left. */
async function timeLoad(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelector("main h1") !== null &&
      document.querySelectorAll('[aria-busy="true"], [role="status"] .animate-pulse').length === 0,
    undefined,
    { polling: 20, timeout: 60_000 },
  );
  return performance.now() - started;
}

/** Gzipped bytes of every script a fresh browser (empty cache) loads for the page. */
async function firstLoadJs(browser: Browser, url: string, storage: StorageState) {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => null));
  });
  await page.goto(url, { waitUntil: "load" });
  const sizes = (await Promise.all(bodies)).map((body) => (body ? gzipSync(body).length : 0));
  await context.close();
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Changes the workspace's data: one page view of 2020 (before any report window, after no
 * customer's last activity), so that the next load finds no cached metric. Waits until the
 * contact-fact refresh it sets off has had its turn.
 */
async function changeData(url: string, run: number): Promise<void> {
  const response = await fetch(`${url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${DEMO_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({
      events: [
        {
          id: `bench-ui-${Date.now()}-${run}`,
          type: "page_viewed",
          customerId: "bench-ui-visitor",
          timestamp: "2020-01-01T00:00:00Z",
        },
      ],
    }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/events: ${response.status} ${await response.text()}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function main() {
  const started = values.url ? null : await startProductionServer(3200);
  const base = values.url ?? started!.url;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    const page = await signIn(browser, base);
    const storage = await page.context().storageState();
    console.log(
      `\nDashboard pages of ${WORKSPACE}, ${RUNS} loads each after a warm-up (target ${TARGET_MS} ms):\n`,
    );
    console.log("            repeated loads      after a data change");
    console.log("page        median    worst     median    worst   first-load JS (gzip)");
    const column = (ms: number) => `${Math.round(ms)} ms`.padStart(8);
    for (const name of PAGES) {
      const url = `${base}/${WORKSPACE}/${name}`;
      await timeLoad(page, url);
      const repeated: number[] = [];
      for (let run = 0; run < RUNS; run += 1) repeated.push(await timeLoad(page, url));
      const fresh: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await changeData(base, run);
        fresh.push(await timeLoad(page, url));
      }
      for (const times of [repeated, fresh]) times.sort((a, b) => a - b);
      const js = await firstLoadJs(browser, url, storage);
      const over = [
        quantile(repeated, 0.5) > TARGET_MS ? "repeated" : null,
        quantile(fresh, 0.5) > TARGET_MS ? "after a change" : null,
        js > 200 * 1024 ? "JS" : null,
      ].filter(Boolean);
      console.log(
        `${name.padEnd(10)} ${column(quantile(repeated, 0.5))} ${column(repeated[repeated.length - 1])}   ${column(quantile(fresh, 0.5))} ${column(fresh[fresh.length - 1])}   ${(js / 1024).toFixed(1).padStart(6)} kB${over.length > 0 ? `  (over target: ${over.join(", ")})` : ""}`,
      );
    }
  } finally {
    await browser.close();
    if (started) await stopServer(started.server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
