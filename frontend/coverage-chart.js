// Draws a branch's test coverage with uPlot by commit time, for each scanned commit a coverage
// report covers: a metric picker (the percentage of lines with coverage data that the tests ran,
// or the two line counts, from zero), a date range, and a table of the values for screen readers.
import { chartControls, chartWidth, inRange, selectPicker, valueTable } from './chart-controls.js';

const METRICS = {
  percent: { label: 'line coverage %', value: (p) => p.percent, range: () => [0, 100] },
  lines: { label: 'lines with coverage data', value: (p) => p.lines },
  linesHit: { label: 'lines the tests ran', value: (p) => p.linesHit },
};

const element = document.getElementById('coverage-chart');
if (element && window.uPlot) {
  const response = await fetch(element.dataset.coverage, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The coverage trend could not be loaded (${response.status}).`;
  } else {
    const all = await response.json();
    if (all.length === 0) {
      element.textContent = 'No coverage report was uploaded for a scanned commit of this branch yet.';
    } else {
      let plot = null;
      const table = valueTable(element);
      const draw = () => {
        const metric = METRICS[controls.elements.metric.value];
        const points = all.filter((p) => inRange(controls, Date.parse(p.committedAt) / 1000));
        const values = points.map(metric.value);
        const top = Math.max(1, ...values.filter((v) => v != null));
        if (plot) plot.destroy();
        element.replaceChildren();
        plot = new uPlot({
          width: chartWidth(element),
          height: 220,
          // Counts start at zero, so a change looks as large as it is.
          scales: { y: { range: metric.range ? metric.range() : [0, Math.ceil(top * 1.1)] } },
          axes: [{}, { label: metric.label }],
          series: [
            { label: 'commit time' },
            { label: metric.label, stroke: '#1565c0', width: 2, points: { show: true } },
          ],
          hooks: {
            setCursor: [(u) => {
              const point = points[u.cursor.idx];
              element.title = point ? `commit ${point.commit.slice(0, 10)}` : '';
            }],
          },
        }, [points.map((p) => Date.parse(p.committedAt) / 1000), values], element);
        // Tests read how many points were drawn.
        element.dataset.points = String(plot.data[0].length);
        table(['Commit date', 'Commit', metric.label],
          points.map((p, i) => [p.committedAt.slice(0, 10), p.commit.slice(0, 10), values[i]]));
      };
      const controls = chartControls(element, 'Coverage chart options', [selectPicker('Metric', 'metric',
        Object.entries(METRICS).map(([name, metric]) => [name, metric.label]))], draw);
      draw();
    }
  }
}
