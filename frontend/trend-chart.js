// Draws a repository's or a crate's trends with uPlot, by commit time: a metric picker (the
// score, any stored metric, or the findings by severity stacked), a date range, axes from zero for
// counts, the commit on hover, and a table of the same values for screen readers.
import { chartControls, chartWidth, rangeQuery, selectPicker, valueTable } from './chart-controls.js';

const SEVERITIES = ['BLOCKER', 'CRITICAL', 'MAJOR', 'MINOR', 'INFO'];
const COLOURS = { BLOCKER: '#6a1b9a', CRITICAL: '#c62828', MAJOR: '#b3360b', MINOR: '#876800', INFO: '#546e7a' };
const STACKED = 'findings by severity';

const element = document.getElementById('trend-chart');
if (element && window.uPlot) {
  let plot = null;
  const table = valueTable(element);

  // One series per picked metric (several for the stacked severities), each value the raw count.
  const seriesOf = (points, metric) => {
    if (metric === 'score') return [{ label: 'score', values: points.map((p) => p.score), colour: '#2e7d32' }];
    if (metric === STACKED) {
      return SEVERITIES.map((severity) => ({
        label: severity, colour: COLOURS[severity],
        values: points.map((p) => (p.findingsBySeverity ?? {})[severity] ?? 0),
      }));
    }
    return [{ label: metric.replaceAll('_', ' '), values: points.map((p) => p.metrics[metric] ?? null), colour: '#1565c0' }];
  };

  const draw = async () => {
    const response = await fetch(`${element.dataset.trends}?${rangeQuery(controls)}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      element.textContent = `The trends could not be loaded (${response.status}).`;
      return;
    }
    const points = (await response.json()).points;
    const picker = controls.elements.metric;
    if (picker.options.length === 1 && points.length > 0) {
      for (const name of [STACKED, ...Object.keys(points[0].metrics).sort()]) picker.add(new Option(name, name));
    }
    const metric = picker.value;
    const series = seriesOf(points, metric);
    // Stacked: each line is the sum of its severity and the ones above it, filled down to the next.
    const drawn = metric === STACKED
      ? series.map((s, i) => points.map((p, j) => series.slice(i).reduce((sum, t) => sum + t.values[j], 0)))
      : series.map((s) => s.values);
    const top = Math.max(1, ...drawn.flat().filter((v) => v != null));
    const x = points.map((p) => Date.parse(p.committedAt) / 1000);
    if (plot) plot.destroy();
    element.replaceChildren();
    plot = new uPlot({
      width: chartWidth(element),
      height: 280,
      // Counts and the score start at zero, so a change looks as large as it is.
      scales: { y: { range: metric === 'score' ? [0, 100] : [0, Math.ceil(top * 1.1)] } },
      series: [
        { label: 'commit time' },
        ...series.map((s, i) => ({
          label: s.label, stroke: s.colour, width: 2, points: { show: true },
          fill: metric === STACKED ? `${s.colour}33` : undefined,
          value: (u, v, si, idx) => (idx == null ? '–' : String(s.values[idx] ?? '–')),
        })),
      ],
      hooks: {
        setCursor: [(u) => {
          const point = points[u.cursor.idx];
          element.title = point ? `commit ${point.commit.slice(0, 10)}` : '';
        }],
      },
    }, [x, ...drawn], element);
    // Tests read how many points were drawn.
    element.dataset.points = String(plot.data[0].length);
    table(['Commit date', 'Commit', ...series.map((s) => s.label)],
      points.map((p, j) => [p.committedAt.slice(0, 10), p.commit.slice(0, 10), ...series.map((s) => s.values[j])]));
  };

  const controls = chartControls(element, 'Trend chart options', [selectPicker('Metric', 'metric', [['score', 'score']])], draw);
  await draw();
}
