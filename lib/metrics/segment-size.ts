/**
 * The size of a segment (metric `segment-size`, docs/metrics.md "Segments"): the live count
 * behind the segment builder.
 */
export interface SegmentSize {
  /** Customers of the workspace: every customer it has seen (any event). */
  customers: number;
  /** Those in the segment, for the window; all of them without a segment. */
  matching: number;
  /** matching / customers; null for a workspace without customers. */
  share: number | null;
}
