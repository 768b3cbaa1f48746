package dev.planetary.kernel.health;

/**
 * The share of block reads that found the block in shared buffers since the statistics were reset, for
 * tables (heap and TOAST) and for indexes; null where nothing was read yet. Below about 99 % on a
 * working database, shared_buffers or memory is short for the data it reads.
 */
public record CacheHitRatio(Double tablesPercent, Double indexesPercent, long tableBlocksRead, long indexBlocksRead) {
}
