import { describe, expect, test } from "vitest";

import { setupTestDatabase } from "../helpers/test-database";

import { loadDataset } from "./load-dataset";
import { randomDataset } from "./random-dataset";

const db = setupTestDatabase();

describe("random datasets for the reference comparison", () => {
  test("every generated event is valid and stored, and each contact gets one fact", async () => {
    const raw = randomDataset(1);
    const { workspaceId, events } = await loadDataset(db.current.prisma, raw);
    expect(events).toHaveLength(raw.length);
    const contacts = events.filter((e) => e.type === "message_sent" && e.messageKind !== "transactional");
    expect(await db.current.prisma.contactFact.count({ where: { workspaceId } })).toBe(contacts.length);
  });
});
