// Draws a benchmark's history with uPlot by commit time: the value, its confidence interval, the
// threshold band each result was judged against, and the results that raised an alert, in scaled
// units. Hovering shows the commit.
import { resultTime, scaled } from './quantities.js';

const element = document.getElementById('history-chart');
if (element && window.uPlot) {
  const response = await fetch(element.dataset.history, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The history could not be loaded (${response.status}).`;
  } else {
    const history = await response.json();
    // By commit time (the upload's when the commit's is unknown); uPlot needs x in order.
    const points = [...history.points].sort((a, b) => resultTime(a) - resultTime(b));
    const x = points.map(resultTime);
    const value = (u, v) => scaled(v, history.unit);
    const series = [
      points.map((point) => point.value),
      points.map((point) => point.lowerValue),
      points.map((point) => point.upperValue),
      points.map((point) => point.lowerLimit),
      points.map((point) => point.upperLimit),
      points.map((point) => (point.alert ? point.value : null)),
    ];
    const commit = document.getElementById('history-commit');
    const width = Math.max(320, Math.min(element.clientWidth || 900, 1100));
    const plot = new uPlot({
      width,
      height: 320,
      axes: [{}, { values: (u, ticks) => ticks.map((tick) => scaled(tick, history.unit)), size: 90 }],
      series: [
        { label: 'commit time' },
        { label: history.measure, stroke: '#1565c0', width: 2, points: { show: true }, value },
        { label: 'interval low', stroke: '#757575', value },
        { label: 'interval high', stroke: '#757575', value },
        { label: 'threshold low', stroke: '#6d4c41', dash: [6, 4], value },
        { label: 'threshold high', stroke: '#6d4c41', dash: [6, 4], value },
        { label: 'alert', stroke: '#c62828', width: 0, points: { show: true, size: 10, fill: '#c62828' }, value },
      ],
      hooks: {
        setCursor: [(u) => {
          const point = points[u.cursor.idx];
          if (commit) {
            commit.textContent = point ? `${point.commit} (${point.branch}, ${point.testbed})` : '';
          }
        }],
      },
    }, [x, ...series], element);
    // Tests read how many points were drawn.
    element.dataset.points = String(plot.data[0].length);
  }
}
