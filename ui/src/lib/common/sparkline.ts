// Points for a small line chart of a series with gaps (null = no value that time).

export type Point = { x: number; y: number };

/** Spreads the series evenly over `width` and scales known values into `height` (larger = higher). */
export function sparklinePoints(
  series: (number | null)[],
  width: number,
  height: number,
  padding = 0,
): Point[] {
  const known = series.filter((value): value is number => value !== null);
  if (known.length === 0) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min;
  const step = series.length > 1 ? (width - 2 * padding) / (series.length - 1) : 0;
  const points: Point[] = [];
  series.forEach((value, index) => {
    if (value === null) return;
    const level = span === 0 ? 0.5 : (value - min) / span;
    points.push({
      x: Math.round((padding + index * step) * 10) / 10,
      y: Math.round((height - padding - level * (height - 2 * padding)) * 10) / 10,
    });
  });
  return points;
}
