/** Percentile of sorted-or-not samples (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Formats milliseconds with a sensible precision. */
export function ms(v: number): string {
  return v < 1 ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(2)} ms`;
}
