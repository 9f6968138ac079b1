import type { MessageSpec } from "./types";

export interface CatalogueEntry extends MessageSpec {
  firstSentAt: number;
}

/** The Message table in the making: each messageId with its first send. */
export class MessageCatalogue {
  private readonly entries = new Map<string, CatalogueEntry>();

  record(spec: MessageSpec, t: number): void {
    const known = this.entries.get(spec.messageId);
    if (!known) this.entries.set(spec.messageId, { ...spec, firstSentAt: t });
    else if (t < known.firstSentAt) known.firstSentAt = t;
  }

  /** Entries in messageId order (stable output). */
  list(): CatalogueEntry[] {
    return [...this.entries.values()].sort((a, b) =>
      a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0,
    );
  }

  get size(): number {
    return this.entries.size;
  }
}
