// Draws one measure of several benchmarks on one chart with uPlot: one line per benchmark, by
// commit time, on a logarithmic scale (benchmarks differ by orders of magnitude), values in
// scaled units, with a picker of the benchmarks shown, a date range and a table of the values.
// Hovering names the commit; clicking a name in the legend hides its line.
import { chartControls, chartWidth, checkboxPicker, checked, inRange, valueTable } from './chart-controls.js';
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
  const output = element.parentElement.querySelector('.compare-commit');
  const table = valueTable(element);
  let plot = null;
  const draw = () => {
    const shown = new Set(checked(controls, 'benchmark'));
    const series = comparison.series.map((s, i) => ({ ...s, colour: PALETTE[i % PALETTE.length] }))
      .filter((s) => shown.has(s.benchmark));
    // One x value per distinct time in the range; each series has its value there or a gap.
    const times = [...new Set(series.flatMap((s) => s.points.map(resultTime)))]
      .filter((time) => inRange(controls, time)).sort((a, b) => a - b);
    const index = new Map(times.map((time, i) => [time, i]));
    const commits = times.map(() => '');
    const columns = series.map((s) => {
      const column = times.map(() => null);
      for (const point of s.points) {
        const i = index.get(resultTime(point));
        if (i === undefined) continue;
        column[i] = point.value;
        commits[i] = point.commit;
      }
      return column;
    });
    if (plot) plot.destroy();
    element.replaceChildren();
    plot = new uPlot({
      width: chartWidth(element),
      height: 300,
      scales: { y: { distr: 3 } },
      axes: [{}, { values: (u, ticks) => ticks.map((tick) => scaled(tick, comparison.unit)), size: 90 }],
      series: [
        { label: 'commit time' },
        ...series.map((s) => ({
          label: s.benchmark,
          stroke: s.colour,
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
    table(['Commit time', 'Commit', ...series.map((s) => s.benchmark)], times.map((time, i) => [
      new Date(time * 1000).toISOString().slice(0, 16).replace('T', ' '), commits[i].slice(0, 10),
      ...columns.map((column) => scaled(column[i], comparison.unit))]));
  };
  const controls = chartControls(element, `${comparison.measure} chart options`,
    [checkboxPicker('Benchmarks', 'benchmark', comparison.series.map((s) => s.benchmark))], draw);
  draw();
}
