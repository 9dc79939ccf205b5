/** A user's review scores over time, as charts and bars show them (`history`). */

/** Overall scores, oldest first, each with a short label (`1 · 03-01`). */
export interface ScoreTrend {
  title: string;
  points: { label: string; overall: number }[];
}

const WIDTH = 20;

/**
 * The trend as text bars, one line per review (for Slack, the terminal, and any client without
 * charts): `1 · 03-01  ████████░░░░░░░░░░░░  41`.
 */
export function trendBars(trend: ScoreTrend): string {
  const width = Math.max(...trend.points.map((p) => p.label.length));
  return trend.points
    .map((p) => {
      const full = Math.round((Math.max(0, Math.min(100, p.overall)) / 100) * WIDTH);
      return `${p.label.padEnd(width)}  ${'█'.repeat(full)}${'░'.repeat(WIDTH - full)}  ${Math.round(p.overall)}`;
    })
    .join('\n');
}
