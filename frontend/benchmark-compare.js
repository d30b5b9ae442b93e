// Draws one measure of several benchmarks on one chart with uPlot: one line per benchmark, by
// commit time, on a logarithmic scale (benchmarks differ by orders of magnitude), values in
// scaled units. Hovering names the commit; clicking a name in the legend hides its line.
import { resultTime, scaled } from './quantities.js';

const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e', '#ad1457',
  '#283593', '#558b2f'];

for (const element of document.querySelectorAll('.compare-chart')) {
  if (!window.uPlot) break;
  const response = await fetch(element.dataset.compare, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The benchmarks could not be loaded (${response.status}).`;
    continue;
  }
  const comparison = await response.json();
  // One x value per distinct time; each series has its value there or a gap.
  const times = [...new Set(comparison.series.flatMap((s) => s.points.map(resultTime)))].sort((a, b) => a - b);
  const index = new Map(times.map((time, i) => [time, i]));
  const commits = times.map(() => '');
  const columns = comparison.series.map((series) => {
    const column = times.map(() => null);
    for (const point of series.points) {
      const i = index.get(resultTime(point));
      column[i] = point.value;
      commits[i] = point.commit;
    }
    return column;
  });
  const output = element.parentElement.querySelector('.compare-commit');
  const plot = new uPlot({
    width: Math.max(320, Math.min(element.clientWidth || 900, 1100)),
    height: 300,
    scales: { y: { distr: 3 } },
    axes: [{}, { values: (u, ticks) => ticks.map((tick) => scaled(tick, comparison.unit)), size: 90 }],
    series: [
      { label: 'commit time' },
      ...comparison.series.map((series, i) => ({
        label: series.benchmark,
        stroke: PALETTE[i % PALETTE.length],
        width: 2,
        spanGaps: true,
        points: { show: true },
        value: (u, value) => scaled(value, comparison.unit),
      })),
    ],
    hooks: {
      setCursor: [(u) => {
        if (output) output.textContent = commits[u.cursor.idx] ?? '';
      }],
    },
  }, [times, ...columns], element);
  // Tests read how many lines were drawn.
  element.dataset.series = String(plot.series.length - 1);
}
