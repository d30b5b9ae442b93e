// Draws a benchmark's history with uPlot by commit time: the value, its confidence interval, the
// threshold band each result was judged against, and the results that raised an alert, in scaled
// units, with a picker of the bands shown and a date range. Hovering shows the commit.
import { chartControls, chartWidth, checkboxPicker, checked, inRange } from './chart-controls.js';
import { resultTime, scaled } from './quantities.js';

const BANDS = ['confidence interval', 'threshold band'];

const element = document.getElementById('history-chart');
if (element && window.uPlot) {
  const response = await fetch(element.dataset.history, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The history could not be loaded (${response.status}).`;
  } else {
    const history = await response.json();
    // By commit time (the upload's when the commit's is unknown); uPlot needs x in order.
    const all = [...history.points].sort((a, b) => resultTime(a) - resultTime(b));
    const value = (u, v) => scaled(v, history.unit);
    const commit = document.getElementById('history-commit');
    let plot = null;
    const draw = () => {
      const points = all.filter((point) => inRange(controls, resultTime(point)));
      const bands = new Set(checked(controls, 'band'));
      const lines = [
        { label: history.measure, stroke: '#1565c0', width: 2, points: { show: true }, value, of: (p) => p.value },
        ...(bands.has(BANDS[0]) ? [
          { label: 'interval low', stroke: '#757575', value, of: (p) => p.lowerValue },
          { label: 'interval high', stroke: '#757575', value, of: (p) => p.upperValue }] : []),
        ...(bands.has(BANDS[1]) ? [
          { label: 'threshold low', stroke: '#6d4c41', dash: [6, 4], value, of: (p) => p.lowerLimit },
          { label: 'threshold high', stroke: '#6d4c41', dash: [6, 4], value, of: (p) => p.upperLimit }] : []),
        { label: 'alert', stroke: '#c62828', width: 0, points: { show: true, size: 10, fill: '#c62828' }, value,
          of: (p) => (p.alert ? p.value : null) },
      ];
      if (plot) plot.destroy();
      element.replaceChildren();
      plot = new uPlot({
        width: chartWidth(element),
        height: 320,
        axes: [{}, { values: (u, ticks) => ticks.map((tick) => scaled(tick, history.unit)), size: 90 }],
        series: [{ label: 'commit time' }, ...lines.map(({ of, ...line }) => line)],
        hooks: {
          setCursor: [(u) => {
            const point = points[u.cursor.idx];
            if (commit) {
              commit.textContent = point ? `${point.commit} (${point.branch}, ${point.testbed})` : '';
            }
          }],
        },
      }, [points.map(resultTime), ...lines.map((line) => points.map(line.of))], element);
      // Tests read how many points were drawn.
      element.dataset.points = String(plot.data[0].length);
    };
    const controls = chartControls(element, 'History chart options', [checkboxPicker('Show', 'band', BANDS)], draw);
    draw();
  }
}
