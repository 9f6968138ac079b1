/**
 * The size limits of the segment language (lib/metrics/segment.ts), apart from its schemas so
 * that the builder can show them without loading zod.
 */
export const MAX_SEGMENT_DEPTH = 8;
export const MAX_SEGMENT_LEAVES = 100;
