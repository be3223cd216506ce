// Chart.js with only the pieces the Results charts use (bars, lines, category and linear axes,
// tooltips), so the rest is shaken out of the bundle. Loaded on demand by charts.ts: the chart code is
// its own chunk, fetched when the Results screen first draws a chart.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export { Chart };
