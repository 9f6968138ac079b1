/**
 * The PostgreSQL settings the README recommends for a dedicated server, as the benchmarks run
 * them on this machine (2 cores, 24 GB): sorts and hash tables of a metric stay in memory, the
 * planner knows the data is cached on a solid-state disk, no statement spends a fifth of a
 * second compiling itself (JIT), a large import is not interrupted by forced checkpoints, and
 * no statement splits into parallel workers: on 2 cores a leader and two workers compete for
 * the cores, and the 28-day metrics took up to twice as long (docs/performance.md).
 */
export const RECOMMENDED_SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "2GB",
  work_mem: "64MB",
  effective_cache_size: "12GB",
  random_page_cost: "1.1",
  jit: "off",
  max_wal_size: "4GB",
  max_parallel_workers_per_gather: "0",
};
