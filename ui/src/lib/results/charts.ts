// What every Results chart shares: Chart.js loaded on demand, the theme's colours read from the CSS
// variables in app.css (so light and dark follow the OS like the rest of the window), and a plugin that
// writes each bar's value at its end. Component tests mock this module: jsdom has no canvas.
import type { Chart as ChartType, ChartConfiguration, ChartType as Kind, Plugin } from "chart.js";

export type { ChartConfiguration };

export interface ChartTheme {
  text: string;
  muted: string;
  faint: string;
  grid: string;
  strong: string;
  accent: string;
  success: string;
  warning: string;
  danger: string;
  bg: string;
  font: string;
}

let loading: Promise<typeof ChartType> | null = null;

/** Chart.js with the registered pieces; one download, however many charts ask. */
export function loadChart(): Promise<typeof ChartType> {
  loading ??= import("./chart-setup").then((module) => module.Chart);
  return loading;
}

/** The current theme's colours, from the CSS variables on :root. */
export function chartTheme(element: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read("--text", "#1d1d22"),
    muted: read("--text-muted", "#62626d"),
    faint: read("--text-faint", "#8e8e99"),
    grid: read("--border", "#e4e4e8"),
    strong: read("--border-strong", "#d2d2d8"),
    accent: read("--accent", "#5a63d1"),
    success: read("--success", "#25794a"),
    warning: read("--warning", "#9a6100"),
    danger: read("--danger", "#c43d33"),
    bg: read("--bg", "#ffffff"),
    font: read("--font", "system-ui, sans-serif"),
  };
}

/** "#5a63d1" at 40 % → "rgba(90, 99, 209, 0.4)"; a colour that isn't hex is returned as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return color;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * Writes `texts[i]` just past the end of bar i of the first dataset (a negative horizontal bar's
 * right of the zero line). Works for vertical and horizontal bars.
 */
export function valueLabels<T extends Kind>(
  texts: readonly string[],
  color: string,
  font: string,
): Plugin<T> {
  return {
    id: "scoutValueLabels",
    afterDatasetsDraw(chart) {
      const meta = chart.getDatasetMeta(0);
      const horizontal = chart.options?.indexAxis === "y";
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = color;
      ctx.font = `500 11px ${font}`;
      meta.data.forEach((element, index) => {
        const text = texts[index];
        if (!text) return;
        const { x, y, base } = element.getProps(["x", "y", "base"], true) as {
          x: number;
          y: number;
          base: number;
        };
        if (horizontal) {
          // A negative bar's label goes right of the zero line, where its row has room.
          ctx.textAlign = "left";
          ctx.textBaseline = "middle";
          ctx.fillText(text, Math.max(x, base) + 6, y);
        } else {
          const negative = y > base;
          ctx.textAlign = "center";
          ctx.textBaseline = negative ? "top" : "bottom";
          ctx.fillText(text, x, negative ? y + 4 : y - 4);
        }
      });
      ctx.restore();
    },
  };
}
