// npm run bench:ui [-- --url http://localhost:3000 --runs 5]
//
// Times each dashboard page of the demo workspace in real Chromium: from navigation until
// every tile has its data (no tile busy, no skeleton left), median and worst of `--runs`
// loads after one warm-up, against the 2 s target. Also prints each page's first-load
// JavaScript: the scripts a fresh browser downloads for it, gzipped. Without --url it starts
// the production server (`npm start`: builds when needed, seeds the embedded demo) on port
// 3200. Not a test: it prints.
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

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
    console.log("page        median    worst   first-load JS (gzip)");
    for (const name of PAGES) {
      const url = `${base}/${WORKSPACE}/${name}`;
      await timeLoad(page, url);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) times.push(await timeLoad(page, url));
      times.sort((a, b) => a - b);
      const js = await firstLoadJs(browser, url, storage);
      const flag = quantile(times, 0.5) <= TARGET_MS ? "" : "  (over target)";
      console.log(
        `${name.padEnd(10)} ${`${Math.round(quantile(times, 0.5))} ms`.padStart(8)} ${`${Math.round(times[times.length - 1])} ms`.padStart(8)}   ${(js / 1024).toFixed(1).padStart(6)} kB${flag}`,
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
