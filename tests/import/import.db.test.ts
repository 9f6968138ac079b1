import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, test, vi } from "vitest";

import { Prisma } from "@/lib/generated/prisma/client";
import { createImport } from "@/lib/server/import/create-import";
import { deleteImportEvents } from "@/lib/server/import/delete-import-events";
import { claimBatch, isClaimable, leaseOwner, ownerIsGone } from "@/lib/server/import/import-lease";
import { runNext } from "@/lib/server/import/import-runner";
import { cancelImport, resumeImport } from "@/lib/server/import/manage-imports";
import { CHUNK_ROWS, runImport } from "@/lib/server/import/run-import";
import { ingestEvents } from "@/lib/server/ingest/ingest-events";

import { csvLine, CSV_HEADER, syntheticEvents } from "../../scripts/bench/synthetic-events";
import { expectAppError } from "../helpers/errors";
import { createWorkspace } from "../helpers/fixtures";
import { setupTestDatabase } from "../helpers/test-database";
import type { RawEvent } from "../ingest/event-fixtures";
import { derivedState, ingestInBatches } from "../ingest/ingest-state";

import {
  counters,
  errorReport,
  findBatch,
  importFile,
  ndjson,
  NDJSON,
  NORDIC,
  rowErrors,
  setupTempDir,
  storedEvents,
} from "./import-files";

// Small chunks, so a dozen rows already span several transactions (run-import.ts reads this
// variable once, when it is loaded). Restored right after the imports.
const previousChunkRows = vi.hoisted(() => {
  const previous = process.env.RESONANS_IMPORT_CHUNK_ROWS;
  process.env.RESONANS_IMPORT_CHUNK_ROWS = "4";
  return previous;
});
if (previousChunkRows === undefined) delete process.env.RESONANS_IMPORT_CHUNK_ROWS;
else process.env.RESONANS_IMPORT_CHUNK_ROWS = previousChunkRows;

const db = setupTestDatabase();
const prisma = () => db.current.prisma;
const tmp = setupTempDir();

let fileCount = 0;
function writeFile(name: string, content: string): string {
  fileCount += 1;
  const file = path.join(tmp.path, `${fileCount}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

test("chunks in this file are 4 rows", () => {
  expect(CHUNK_ROWS).toBe(4);
});

/** The Nordic CSV: semicolons, decimal comma; line numbers in the comments. */
const NORDIC_COLUMNS = [
  "id",
  "type",
  "Customer ID",
  "timestamp",
  "channel",
  "message_id",
  "topic",
  "topics",
  "value",
  "currency",
  "traits.country",
  "traits.birthYear",
  "max_per_week",
  "properties.note",
] as const;
type NordicColumn = (typeof NORDIC_COLUMNS)[number];
const nordicRow = (cells: Partial<Record<NordicColumn, string>>) =>
  NORDIC_COLUMNS.map((column) => cells[column] ?? "").join(";");

const NORDIC_FILE = [
  NORDIC_COLUMNS.join(";"), // 1
  nordicRow({
    id: "e1",
    type: "customer_updated",
    "Customer ID": "c1",
    timestamp: "2026-03-01T08:00:00Z",
    "traits.country": "NO",
    "traits.birthYear": "1984",
  }), // 2
  nordicRow({
    id: "e2",
    type: "message_sent",
    "Customer ID": "c1",
    timestamp: "2026-03-02T10:00:00Z",
    channel: "email",
    message_id: "m1",
    topic: "running",
  }), // 3
  nordicRow({
    id: "e3",
    type: "message_opened",
    "Customer ID": "c1",
    timestamp: "2026-03-02T12:00:00Z",
    channel: "email",
    message_id: "m1",
  }), // 4: inherits running
  nordicRow({
    id: "e4",
    type: "purchased",
    "Customer ID": "c1",
    timestamp: "2026-03-03T09:00:00+01:00",
    channel: "web",
    topics: "running|trail-running",
    value: "1249,50",
    currency: "NOK",
  }), // 5
  nordicRow({
    id: "e5",
    type: "preferences_updated",
    "Customer ID": "c2",
    timestamp: "2026-03-03T10:00:00Z",
    topics: "running|cycling",
    max_per_week: "2,5",
  }), // 6
  nordicRow({
    id: "e6",
    type: "unsubscribed",
    "Customer ID": "c2",
    timestamp: "2026-03-04T10:00:00Z",
    channel: "email",
  }), // 7
  nordicRow({
    id: "e2",
    type: "message_sent",
    "Customer ID": "c1",
    timestamp: "2026-03-02T10:00:00Z",
    channel: "email",
    message_id: "m1",
    topic: "running",
  }), // 8: e2 again, a duplicate (in another chunk)
  nordicRow({
    id: "e7",
    type: "purchased",
    "Customer ID": "c3",
    timestamp: "2026-03-03T09:00:00Z",
    channel: "web",
    topics: "running",
    value: "12.50",
    currency: "NOK",
  }), // 9: rejected, a decimal point
  nordicRow({
    id: "e8",
    type: "page_viewed",
    "Customer ID": "c3",
    timestamp: "2026-03-05T10:00:00Z",
    channel: "web",
    "properties.note": '"first line\nsecond; line"',
  }), // 10–11: one row over two lines
  nordicRow({
    id: "e9",
    type: "message_sent",
    "Customer ID": "anna@example.com",
    timestamp: "2026-03-05",
    channel: "email",
  }), // 12: rejected, three reasons
  "e10;page_viewed;c4", // 13: rejected, too few columns
  nordicRow({
    id: "e11",
    type: "customer_updated",
    "Customer ID": "c2",
    timestamp: "2026-03-06T10:00:00Z",
    "traits.country": "SE",
  }), // 14
].join("\r\n");

const NORDIC_REJECTED = [
  {
    line: 9,
    errors: [
      'value: "12.50" is not a number with decimal comma',
      "value: required for purchased",
      "currency: only allowed with value",
    ],
  },
  {
    line: 12,
    errors: [
      "customerId: looks like an e-mail address; use your own customer key (CRM id)",
      "timestamp: not ISO 8601",
      "messageId: required for message_sent",
    ],
  },
  {
    line: 13,
    errors: ["row: has 3 columns, the header has 14", "timestamp: required"],
  },
];

describe("a Nordic CSV file", () => {
  test("imports with decimal comma values, topic lists and traits; rejected rows keep their line and every reason", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("nordic.csv", NORDIC_FILE);
    const { outcome, batch } = await importFile(db.current, workspaceId, file, NORDIC);

    expect(outcome).toBe("completed");
    // 12 rows (lines 10–11 are one): 8 stored, e2 once more, 3 rejected.
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 12,
      accepted: 8,
      duplicates: 1,
      rejected: 3,
    });
    expect(Number(batch.bytesDone)).toBe(fs.statSync(file).size);
    expect(batch.options).toMatchObject({
      format: "csv",
      delimiter: ";",
      decimal: "comma",
      header: [...NORDIC_COLUMNS],
      mapping: [
        "id",
        "type",
        "customerId",
        "timestamp",
        "channel",
        "messageId",
        "topic",
        "topics",
        "value",
        "currency",
        "traits.country",
        "traits.birthYear",
        "maxPerWeek",
        "properties.note",
      ],
    });

    const events = await prisma().event.findMany({ where: { workspaceId }, orderBy: { eventKey: "asc" } });
    expect(events.map((event) => event.eventKey)).toEqual(["e1", "e11", "e2", "e3", "e4", "e5", "e6", "e8"]);
    expect(events.every((event) => event.importBatchId === batch.id)).toBe(true);
    const byKey = new Map(events.map((event) => [event.eventKey, event]));
    const purchase = byKey.get("e4")!;
    expect(purchase.value?.toString()).toBe("1249.5");
    expect(purchase).toMatchObject({
      type: "purchased",
      ts: new Date("2026-03-03T08:00:00Z"),
      topics: ["running", "trail-running"],
      currency: "NOK",
    });
    expect(byKey.get("e1")?.traits).toEqual({ country: "NO", birthYear: 1984 });
    expect(byKey.get("e3")).toMatchObject({ topic: "running", topicInherited: true });
    expect(byKey.get("e5")).toMatchObject({ topics: ["running", "cycling"], maxPerWeek: 2.5 });
    expect(byKey.get("e8")?.properties).toEqual({ note: "first line\nsecond; line" });

    const state = await derivedState(prisma(), workspaceId);
    expect(state.customers.map((customer) => [customer.id, customer.traits])).toEqual([
      ["c1", { country: "NO", birthYear: 1984 }],
      ["c2", { country: "SE" }],
      ["c3", {}],
    ]);
    expect(state.preferences).toEqual([
      {
        customerId: "c2",
        topics: ["running", "cycling"],
        maxPerWeek: 2.5,
        updatedAt: new Date("2026-03-03T10:00:00Z"),
      },
    ]);
    expect(state.consents).toEqual([
      {
        customerId: "c2",
        channel: "email",
        state: "unsubscribed",
        changedAt: new Date("2026-03-04T10:00:00Z"),
      },
    ]);

    expect(await rowErrors(prisma(), batch)).toEqual(NORDIC_REJECTED);
    expect(await errorReport(prisma(), batch)).toBe(
      "line,errors\n" +
        '9,"value: ""12.50"" is not a number with decimal comma; value: required for purchased; currency: only allowed with value"\n' +
        "12,customerId: looks like an e-mail address; use your own customer key (CRM id); timestamp: not ISO 8601; messageId: required for message_sent\n" +
        '13,"row: has 3 columns, the header has 14; timestamp: required"\n',
    );
  });

  test("the same file imported again as a new batch: every row a duplicate or rejected again, nothing changes", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("nordic.csv", NORDIC_FILE);
    await importFile(db.current, workspaceId, file, NORDIC);
    const before = await derivedState(prisma(), workspaceId);
    const eventsBefore = await storedEvents(prisma(), workspaceId);

    const { outcome, batch } = await importFile(db.current, workspaceId, file, NORDIC);
    expect(outcome).toBe("completed");
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 12,
      accepted: 0,
      duplicates: 9,
      rejected: 3,
    });
    expect(await rowErrors(prisma(), batch)).toEqual(NORDIC_REJECTED);
    expect(await derivedState(prisma(), workspaceId)).toEqual(before);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(eventsBefore);
    expect(await prisma().event.count({ where: { workspaceId, importBatchId: batch.id } })).toBe(0);
  });
});

describe("the same state as the ingestion API", () => {
  // Few customers over a year: sends and their opens meet (inherited topics), consent and
  // preferences change several times per customer.
  const SYNTHETIC = [...syntheticEvents(240, 5, 3, "same")];
  const EVENTS: RawEvent[] = [
    ...SYNTHETIC,
    // An open an hour after each of the first ten sends: it takes the send's topic.
    ...SYNTHETIC.filter((event) => event.type === "message_sent")
      .slice(0, 10)
      .map((send, index) => ({
        id: `open-${index}`,
        type: "message_opened",
        customerId: send.customerId,
        timestamp: new Date(Date.parse(send.timestamp as string) + 3_600_000).toISOString(),
        channel: "email",
        messageId: send.messageId,
      })),
    {
      id: "h1",
      type: "unsubscribed",
      customerId: "c-000001",
      timestamp: "2026-02-01T10:00:00Z",
      channel: "email",
    },
    {
      id: "h2",
      type: "consent_granted",
      customerId: "c-000001",
      timestamp: "2026-02-02T10:00:00Z",
      channel: "email",
    },
    { id: "h3", type: "complained", customerId: "c-000002", timestamp: "2026-01-05T10:00:00Z" },
    {
      id: "h4",
      type: "preferences_updated",
      customerId: "c-000003",
      timestamp: "2026-01-05T10:00:00Z",
      topics: ["running", "yoga"],
      maxPerWeek: 1.5,
    },
    {
      id: "h5",
      type: "preferences_updated",
      customerId: "c-000003",
      timestamp: "2026-02-05T10:00:00Z",
      maxPerWeek: 3,
    },
  ];

  // Ingested once through the API's path, in batches of 37; the tests below compare with it.
  let reference:
    Promise<{ workspaceId: number; state: Awaited<ReturnType<typeof derivedState>> }> | undefined;
  const referenceState = () =>
    (reference ??= (async () => {
      const workspaceId = await createWorkspace(prisma());
      await ingestInBatches(prisma(), workspaceId, EVENTS, () => 37);
      return { workspaceId, state: await derivedState(prisma(), workspaceId) };
    })());

  test("the fixture touches every piece of derived state", async () => {
    const { state } = await referenceState();
    expect(state.events).toHaveLength(255);
    expect(state.customers.length).toBe(5);
    expect(state.consents.length).toBeGreaterThan(0);
    expect(state.preferences.length).toBeGreaterThan(0);
    expect(state.messages.length).toBeGreaterThan(10);
    expect(state.events.filter((event) => event.topicInherited).length).toBeGreaterThanOrEqual(10);
  });

  test("a Nordic CSV of the events gives exactly the state and events that ingesting them gives", async () => {
    const reference = await referenceState();
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("same.csv", [CSV_HEADER, ...EVENTS.map(csvLine)].join("\n") + "\n");
    const { batch } = await importFile(db.current, workspaceId, file, NORDIC);
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 255,
      accepted: 255,
      duplicates: 0,
      rejected: 0,
    });
    expect(await derivedState(prisma(), workspaceId)).toEqual(reference.state);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(
      await storedEvents(prisma(), reference.workspaceId),
    );
  });

  test("stored two chunks at a time, and derived in passes while later chunks are stored, the state is the same", async () => {
    const reference = await referenceState();
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("paced.ndjson", ndjson(EVENTS));
    const { batch } = await importFile(db.current, workspaceId, file, NDJSON, undefined, {
      parallel: 2,
      chunkRows: 4,
      deriveRows: 12, // about twenty passes, each running while the next chunks are stored
    });
    expect(counters(batch)).toMatchObject({ status: "completed", accepted: 255 });
    const [{ last }] = await prisma().$queryRaw<{ last: bigint }[]>(Prisma.sql`
      SELECT max("id") AS "last" FROM "Event" WHERE "workspaceId" = ${workspaceId}`);
    expect(batch.derivedThroughId).toBe(last);
    expect(await derivedState(prisma(), workspaceId)).toEqual(reference.state);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(
      await storedEvents(prisma(), reference.workspaceId),
    );
  });

  test("an NDJSON file of the events, in reverse order, gives the same state too", async () => {
    const reference = await referenceState();
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("same.ndjson", ndjson([...EVENTS].reverse()));
    const { batch } = await importFile(db.current, workspaceId, file, NDJSON);
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 255,
      accepted: 255,
      duplicates: 0,
      rejected: 0,
    });
    expect(await derivedState(prisma(), workspaceId)).toEqual(reference.state);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(
      await storedEvents(prisma(), reference.workspaceId),
    );
  });
});

describe("cancel and resume", () => {
  /** 60 events, a line that is not JSON every 9th line, an invalid event and a repeated line. */
  function fileWithErrors(): { content: string; rows: number; valid: number; rejectedLines: number[] } {
    const lines: string[] = [];
    const rejectedLines: number[] = [];
    let valid = 0;
    for (const event of syntheticEvents(60, 10, 5, "cr")) {
      if ((lines.length + 1) % 9 === 0) {
        lines.push(`{"broken": ${lines.length}`);
        rejectedLines.push(lines.length);
      }
      lines.push(JSON.stringify(event));
      valid += 1;
    }
    lines.push(JSON.stringify({ type: "message_sent", customerId: "c1", timestamp: "2026-03-02T10:00:00Z" }));
    rejectedLines.push(lines.length);
    lines.push(lines[0]); // a duplicate
    return { content: lines.join("\n") + "\n", rows: lines.length, valid, rejectedLines };
  }

  test("cancelled after the first chunk, it keeps what it committed; resumed, it ends exactly as a clean import", async () => {
    const { content, rows, valid, rejectedLines } = fileWithErrors();
    const file = writeFile("resume.ndjson", content);

    const clean = await createWorkspace(prisma());
    const cleanRun = await importFile(db.current, clean, file, NDJSON);
    expect(counters(cleanRun.batch)).toEqual({
      status: "completed",
      rowsDone: rows,
      accepted: valid,
      duplicates: 1,
      rejected: rejectedLines.length,
    });

    const workspaceId = await createWorkspace(prisma());
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "resume.ndjson",
      filePath: file,
      options: NDJSON,
    });
    expect(await claimBatch(prisma(), batch)).toBe(true);
    let cancelling: Promise<unknown> | null = null;
    const outcome = await runImport(db.current, batch, (progress) => {
      if (progress.rowsDone > 0 && !cancelling) cancelling = cancelImport(prisma(), workspaceId, batch.id);
    });
    expect(cancelling).not.toBeNull();
    await cancelling;
    expect(outcome).toBe("cancelled");

    // Whole chunks only: the chunk in flight when the cancel landed was rolled back.
    const cancelled = await findBatch(prisma(), batch);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.rowsDone).toBeGreaterThan(0);
    expect(cancelled.rowsDone).toBeLessThan(rows);
    expect(cancelled.rowsDone % CHUNK_ROWS).toBe(0);
    expect(cancelled.accepted + cancelled.duplicates + cancelled.rejected).toBe(cancelled.rowsDone);
    expect(await prisma().event.count({ where: { workspaceId } })).toBe(cancelled.accepted);
    expect(await prisma().importRowError.count({ where: { workspaceId } })).toBe(cancelled.rejected);
    expect(cancelled.leaseOwner).toBeNull();

    const queued = await resumeImport(prisma(), workspaceId, cancelled.id);
    expect(queued.status).toBe("queued");
    expect(queued.rowsDone).toBe(cancelled.rowsDone);
    expect(await claimBatch(prisma(), queued)).toBe(true);
    expect(await runImport(db.current, queued)).toBe("completed");

    const done = await findBatch(prisma(), queued);
    expect(counters(done)).toEqual(counters(cleanRun.batch));
    expect(await rowErrors(prisma(), done)).toEqual(await rowErrors(prisma(), cleanRun.batch));
    expect((await rowErrors(prisma(), done)).map((row) => row.line)).toEqual(rejectedLines);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(await storedEvents(prisma(), clean));
    expect(await derivedState(prisma(), workspaceId)).toEqual(await derivedState(prisma(), clean));
  });

  test("cancelling a queued import, twice, and resuming rules", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("queued.ndjson", ndjson([...syntheticEvents(3, 2, 1, "q")]));
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "queued.ndjson",
      filePath: file,
      options: NDJSON,
    });
    expect((await cancelImport(prisma(), workspaceId, batch.id)).status).toBe("cancelled");
    expect((await cancelImport(prisma(), workspaceId, batch.id)).status).toBe("cancelled");
    await expectAppError(resumeImport(prisma(), workspaceId, batch.id + 1000), "not_found");
    const queued = await resumeImport(prisma(), workspaceId, batch.id);
    await expectAppError(resumeImport(prisma(), workspaceId, batch.id), "conflict");
    expect(await claimBatch(prisma(), queued)).toBe(true);
    expect(await runImport(db.current, queued)).toBe("completed");
    await expectAppError(cancelImport(prisma(), workspaceId, batch.id), "conflict");
    await expectAppError(resumeImport(prisma(), workspaceId, batch.id), "conflict");
  });

  test("a file gone missing fails the import with the reason; back in place, a resume completes it", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("moved.ndjson", ndjson([...syntheticEvents(10, 3, 2, "mv")]));
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "moved.ndjson",
      filePath: file,
      options: NDJSON,
    });
    fs.renameSync(file, `${file}.away`);
    expect(await claimBatch(prisma(), batch)).toBe(true);
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    expect(await runImport(db.current, batch)).toBe("failed");
    const failed = await findBatch(prisma(), batch);
    expect(failed).toMatchObject({
      status: "failed",
      error: "The file moved.ndjson is no longer there to read.",
      rowsDone: 0,
    });

    fs.renameSync(`${file}.away`, file);
    const queued = await resumeImport(prisma(), workspaceId, batch.id);
    expect(queued.error).toBeNull();
    expect(await claimBatch(prisma(), queued)).toBe(true);
    expect(await runImport(db.current, queued)).toBe("completed");
    expect(counters(await findBatch(prisma(), batch))).toMatchObject({
      status: "completed",
      rowsDone: 10,
      accepted: 10,
    });
  });
});

describe("createImport refuses a file it cannot import, and stores nothing", () => {
  const header = (line: string) => `${line}\npage_viewed,c1,2026-03-02T10:00:00Z\n`;

  test.each([
    {
      name: "a required column missing",
      content: header("customer_id,timestamp"),
      options: { format: "csv", delimiter: ",", decimal: "point" },
      message:
        'No column is mapped to type. The header has: customer_id, timestamp. Check the delimiter (",") and the mapping.',
    },
    {
      name: "the wrong delimiter",
      content: header("type;customer_id;timestamp"),
      options: { format: "csv", delimiter: ",", decimal: "point" },
      message:
        'No column is mapped to type, customerId, timestamp. The header has: type;customer_id;timestamp. Check the delimiter (",") and the mapping.',
    },
    {
      name: "a tab file read with another delimiter named as tab",
      content: header("a;b"),
      options: { format: "csv", delimiter: "\t", decimal: "point" },
      message:
        'No column is mapped to type, customerId, timestamp. The header has: a;b. Check the delimiter ("tab") and the mapping.',
    },
    {
      name: "a mapping without a required field",
      content: header("type,customer_id,timestamp"),
      options: { format: "csv", delimiter: ",", decimal: "point", mapping: ["type", "customerId", null] },
      message: "map a column to timestamp",
    },
    {
      name: "a mapping with fewer columns than the header",
      content: header("type,customer_id,timestamp,channel"),
      options: {
        format: "csv",
        delimiter: ",",
        decimal: "point",
        mapping: ["type", "customerId", "timestamp"],
      },
      message:
        "The mapping names 3 columns; the file's header has 4 (type, customer_id, timestamp, channel).",
    },
    {
      name: "a mapping with more columns than the header",
      content: header("type,customer_id,timestamp"),
      options: {
        format: "csv",
        delimiter: ",",
        decimal: "point",
        mapping: ["type", "customerId", "timestamp", "channel"],
      },
      message: "The mapping names 4 columns; the file's header has 3 (type, customer_id, timestamp).",
    },
    {
      name: "a field mapped twice",
      content: header("type,customer_id,timestamp,user"),
      options: {
        format: "csv",
        delimiter: ",",
        decimal: "point",
        mapping: ["type", "customerId", "timestamp", "customerId"],
      },
      message: "customerId is mapped to two columns",
    },
    {
      name: "an unknown target",
      content: header("type,customer_id,timestamp"),
      options: { format: "csv", delimiter: ",", decimal: "point", mapping: ["type", "customerId", "when"] },
      message:
        'unknown field "when"; use an event field, traits.<key> or properties.<key>; map a column to timestamp',
    },
    {
      name: "options of no known format",
      content: header("type,customer_id,timestamp"),
      options: { format: "xlsx" },
      message: 'format must be "csv" or "ndjson"',
    },
    {
      name: "an empty CSV file",
      content: "",
      options: { format: "csv", delimiter: ",", decimal: "point" },
      message: "The file is empty.",
    },
    {
      name: "an empty NDJSON file",
      content: "",
      options: { format: "ndjson" },
      message: "The file is empty.",
    },
  ])("$name", async ({ content, options, message }) => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("refused.csv", content);
    const error = await expectAppError(
      createImport(prisma(), {
        workspaceId,
        fileName: "refused.csv",
        filePath: file,
        options: options as never,
      }),
      "invalid_input",
    );
    expect(error.message).toBe(message);
    expect(await prisma().importBatch.count({ where: { workspaceId } })).toBe(0);
  });

  test("a CSV file that is only a BOM has no header row", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("bom.csv", "\uFEFF");
    const error = await expectAppError(
      createImport(prisma(), { workspaceId, fileName: "bom.csv", filePath: file, options: NORDIC }),
      "invalid_input",
    );
    expect(error.message).toBe("The header row cannot be read: The file is empty: there is no header row.");
    expect(await prisma().importBatch.count({ where: { workspaceId } })).toBe(0);
  });

  test("a header without rows is accepted and completes with nothing", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("header.csv", "\uFEFFtype;customerId;timestamp\r\n");
    const { outcome, batch } = await importFile(db.current, workspaceId, file, NORDIC);
    expect(outcome).toBe("completed");
    expect(counters(batch)).toEqual({
      status: "completed",
      rowsDone: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
    });
  });
});

describe("deleting an import's events", () => {
  const d = (day: number, time = "10:00") => `2026-03-${String(day).padStart(2, "0")}T${time}:00Z`;

  const A: RawEvent[] = [
    {
      id: "a1",
      type: "message_sent",
      customerId: "c1",
      timestamp: d(2),
      channel: "email",
      messageId: "m1",
      campaignId: "spring",
      topic: "running",
    },
    {
      id: "a2",
      type: "message_opened",
      customerId: "c1",
      timestamp: d(3, "12:00"),
      channel: "email",
      messageId: "m2",
    }, // m2's send is in B
    {
      id: "a3",
      type: "message_clicked",
      customerId: "c1",
      timestamp: d(3, "12:05"),
      channel: "email",
      messageId: "m2",
    },
    {
      id: "a4",
      type: "customer_updated",
      customerId: "c1",
      timestamp: d(1, "09:00"),
      traits: { country: "NO", loyaltyTier: "silver" },
    },
    { id: "a5", type: "consent_granted", customerId: "c2", timestamp: d(1, "09:00"), channel: "email" },
    { id: "a6", type: "preferences_updated", customerId: "c2", timestamp: d(1), topics: ["running"] },
    { id: "a7", type: "page_viewed", customerId: "c3", timestamp: d(4), channel: "web" },
    {
      id: "a8",
      type: "message_sent",
      customerId: "c2",
      timestamp: d(2),
      channel: "email",
      messageId: "m1",
      topic: "running",
    },
    {
      id: "a9",
      type: "message_opened",
      customerId: "c2",
      timestamp: d(2, "12:00"),
      channel: "email",
      messageId: "m1",
    },
  ];
  const B: RawEvent[] = [
    // A's opens and clicks of m2 inherit cycling from this send
    {
      id: "b1",
      type: "message_sent",
      customerId: "c1",
      timestamp: d(3),
      channel: "email",
      messageId: "m2",
      topic: "cycling",
    },
    // later traits for c1
    {
      id: "b2",
      type: "customer_updated",
      customerId: "c1",
      timestamp: d(5),
      traits: { loyaltyTier: "gold", shoeSize: 43 },
    },
    // c2 opts out of everything
    { id: "b3", type: "unsubscribed", customerId: "c2", timestamp: d(5) },
    // an earlier send of m1 to c2: the message's first send, and a9's topic, change
    {
      id: "b4",
      type: "message_sent",
      customerId: "c2",
      timestamp: d(1),
      channel: "email",
      messageId: "m1",
      campaignId: "early",
      topic: "trail-running",
    },
    // a customer only B knows
    { id: "b5", type: "page_viewed", customerId: "c9", timestamp: d(6), channel: "web" },
    { id: "b6", type: "preferences_updated", customerId: "c2", timestamp: d(6), maxPerWeek: 1 },
    // A's event again: a duplicate in B, so it stays A's
    A[6],
  ];

  test("removes exactly the batch's events and rebuilds the state as if only the other batch had been imported", async () => {
    const onlyA = await createWorkspace(prisma());
    const reference = await ingestEvents(prisma(), onlyA, A);
    expect(reference.accepted).toBe(A.length);
    const expected = await derivedState(prisma(), onlyA);

    const workspaceId = await createWorkspace(prisma());
    const a = await importFile(db.current, workspaceId, writeFile("a.ndjson", ndjson(A)), NDJSON);
    const b = await importFile(db.current, workspaceId, writeFile("b.ndjson", ndjson(B)), NDJSON);
    expect(counters(a.batch)).toMatchObject({ accepted: 9, duplicates: 0 });
    expect(counters(b.batch)).toMatchObject({ accepted: 6, duplicates: 1 });

    // B changed A's state: inherited topics, traits, consent, the message catalogue.
    const withB = await derivedState(prisma(), workspaceId);
    expect(withB.events.find((event) => event.eventKey === "a2")).toMatchObject({
      topic: "cycling",
      topicInherited: true,
    });
    expect(withB.events.find((event) => event.eventKey === "a9")).toMatchObject({ topic: "trail-running" });
    expect(withB.customers.find((customer) => customer.id === "c1")?.traits).toMatchObject({
      loyaltyTier: "gold",
    });
    expect(withB.consents.find((consent) => consent.customerId === "c2")?.state).toBe("unsubscribed");
    expect(withB.messages.find((message) => message.messageId === "m1")).toMatchObject({
      campaignId: "early",
    });
    expect(withB).not.toEqual(expected);

    expect(await deleteImportEvents(prisma(), workspaceId, b.batch.id, null)).toEqual({ deleted: 6 });

    expect(await derivedState(prisma(), workspaceId)).toEqual(expected);
    expect(await storedEvents(prisma(), workspaceId)).toEqual(await storedEvents(prisma(), onlyA));
    expect(await prisma().event.count({ where: { workspaceId, importBatchId: a.batch.id } })).toBe(9);

    const deletedBatch = await findBatch(prisma(), b.batch);
    expect(deletedBatch.eventsDeletedAt).toBeInstanceOf(Date);
    expect(counters(deletedBatch)).toEqual(counters(b.batch)); // the history keeps its numbers
    const audit = await prisma().auditLog.findMany({
      where: { workspaceId, action: "import.events_deleted" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userId: null,
      targetType: "import",
      targetId: String(b.batch.id),
      details: { fileName: b.batch.fileName, events: 6 },
    });

    // A deleted batch cannot be resumed; the file must be imported again.
    await expectAppError(resumeImport(prisma(), workspaceId, b.batch.id), "conflict");
  });

  test("deleting every batch leaves an empty workspace", async () => {
    const workspaceId = await createWorkspace(prisma());
    const a = await importFile(db.current, workspaceId, writeFile("a.ndjson", ndjson(A)), NDJSON);
    const b = await importFile(db.current, workspaceId, writeFile("b.ndjson", ndjson(B)), NDJSON);
    await deleteImportEvents(prisma(), workspaceId, a.batch.id, null);
    await deleteImportEvents(prisma(), workspaceId, b.batch.id, null);
    expect(await derivedState(prisma(), workspaceId)).toEqual({
      customers: [],
      messages: [],
      consents: [],
      preferences: [],
      events: [],
    });
  });

  test("is refused while the import is queued or running, and for an unknown import", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("a.ndjson", ndjson(A));
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "a.ndjson",
      filePath: file,
      options: NDJSON,
    });
    const queued = await expectAppError(
      deleteImportEvents(prisma(), workspaceId, batch.id, null),
      "conflict",
    );
    expect(queued.message).toBe(`Import ${batch.id} is queued; cancel it before deleting its events.`);
    expect(await claimBatch(prisma(), batch)).toBe(true);
    const running = await expectAppError(
      deleteImportEvents(prisma(), workspaceId, batch.id, null),
      "conflict",
    );
    expect(running.message).toBe(`Import ${batch.id} is running; cancel it before deleting its events.`);
    await expectAppError(deleteImportEvents(prisma(), workspaceId, batch.id + 1000, null), "not_found");
    // Another workspace's import is unknown here.
    const other = await createWorkspace(prisma());
    await expectAppError(deleteImportEvents(prisma(), other, batch.id, null), "not_found");

    await cancelImport(prisma(), workspaceId, batch.id);
    expect(await deleteImportEvents(prisma(), workspaceId, batch.id, null)).toEqual({ deleted: 0 });
  });
});

describe("claiming a batch", () => {
  async function batchWithLease(owner: string, leaseSeconds: number) {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("lease.ndjson", ndjson([...syntheticEvents(5, 2, 9, "lease")]));
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "lease.ndjson",
      filePath: file,
      options: NDJSON,
    });
    await prisma().$executeRaw(Prisma.sql`
      UPDATE "ImportBatch" SET "status" = 'running', "leaseOwner" = ${owner},
        "leaseUntil" = now() + make_interval(secs => ${leaseSeconds})
      WHERE "workspaceId" = ${workspaceId} AND "id" = ${batch.id}`);
    return findBatch(prisma(), batch);
  }

  /** A pid of this machine that has exited (and was reaped). */
  const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid;

  test("a running batch of a process of this machine that is gone is claimed at once and resumed", async () => {
    const owner = `${os.hostname()}/${deadPid()}/x`;
    expect(ownerIsGone(owner)).toBe(true);
    const batch = await batchWithLease(owner, 600);
    expect(isClaimable(batch)).toBe(true);
    expect(await claimBatch(prisma(), batch)).toBe(true);
    const claimed = await findBatch(prisma(), batch);
    expect(claimed).toMatchObject({ status: "running", leaseOwner: leaseOwner() });
    expect(await runImport(db.current, claimed)).toBe("completed");
    expect(counters(await findBatch(prisma(), batch))).toMatchObject({ status: "completed", accepted: 5 });
  });

  test("a lease held by a live process, here or on another machine, is respected until it runs out", async () => {
    const liveHere = `${os.hostname()}/${process.pid}/other`;
    expect(ownerIsGone(liveHere)).toBe(false);
    expect(ownerIsGone("another-host/1/x")).toBe(false);
    expect(ownerIsGone(leaseOwner())).toBe(false);
    expect(ownerIsGone(null)).toBe(true);

    for (const owner of [liveHere, "another-host/1/x"]) {
      const held = await batchWithLease(owner, 600);
      expect(isClaimable(held)).toBe(false);
      expect(await claimBatch(prisma(), held)).toBe(false);
      expect(await findBatch(prisma(), held)).toMatchObject({ status: "running", leaseOwner: owner });
      await cancelImport(prisma(), held.workspaceId, held.id);
    }

    const expired = await batchWithLease("another-host/1/x", -5);
    expect(isClaimable(expired)).toBe(true);
    expect(await claimBatch(prisma(), expired)).toBe(true);
    expect(await findBatch(prisma(), expired)).toMatchObject({ leaseOwner: leaseOwner() });
    await cancelImport(prisma(), expired.workspaceId, expired.id);
  });

  test("a claim made from a stale read fails: only one process wins a batch", async () => {
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("race.ndjson", ndjson([...syntheticEvents(5, 2, 9, "race")]));
    const batch = await createImport(prisma(), {
      workspaceId,
      fileName: "race.ndjson",
      filePath: file,
      options: NDJSON,
    });
    expect(await claimBatch(prisma(), batch)).toBe(true);
    expect(await claimBatch(prisma(), batch)).toBe(false); // it is no longer queued
    expect(isClaimable({ ...batch, status: "completed" })).toBe(false);
    expect(isClaimable({ ...batch, status: "cancelled" })).toBe(false);
    await cancelImport(prisma(), workspaceId, batch.id);
  });

  test("runNext runs the oldest queued batch, and reports when there is none", async () => {
    expect(await runNext(db.current)).toBe(false);
    const workspaceId = await createWorkspace(prisma());
    const file = writeFile("next.ndjson", ndjson([...syntheticEvents(7, 3, 4, "next")]));
    const first = await createImport(prisma(), {
      workspaceId,
      fileName: "next.ndjson",
      filePath: file,
      options: NDJSON,
    });
    const second = await createImport(prisma(), {
      workspaceId,
      fileName: "next.ndjson",
      filePath: file,
      options: NDJSON,
    });

    expect(await runNext(db.current)).toBe(true);
    expect(counters(await findBatch(prisma(), first))).toMatchObject({ status: "completed", accepted: 7 });
    expect((await findBatch(prisma(), second)).status).toBe("queued");

    expect(await runNext(db.current)).toBe(true);
    expect(counters(await findBatch(prisma(), second))).toMatchObject({ status: "completed", duplicates: 7 });
    expect(await runNext(db.current)).toBe(false);
  });
});
