// Draws a branch's line coverage with uPlot: the percentage of lines with coverage data that the
// tests ran, for each scanned commit a coverage report covers, in commit order.
const element = document.getElementById('coverage-chart');
if (element && window.uPlot) {
  const response = await fetch(element.dataset.coverage, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The coverage trend could not be loaded (${response.status}).`;
  } else {
    const points = await response.json();
    if (points.length === 0) {
      element.textContent = 'No coverage report was uploaded for a scanned commit of this branch yet.';
    } else {
      const plot = new uPlot({
        width: Math.max(320, Math.min(element.clientWidth || 900, 1100)),
        height: 220,
        scales: { x: { time: false }, percent: { range: [0, 100] } },
        axes: [
          { values: (u, ticks) => ticks.map((tick) => (points[tick] ? points[tick].commit.slice(0, 7) : '')) },
          { scale: 'percent', label: 'line coverage %' },
        ],
        series: [
          { label: 'commit' },
          { label: 'line coverage %', scale: 'percent', stroke: '#1565c0', width: 2, points: { show: true } },
        ],
      }, [points.map((p, i) => i), points.map((p) => p.percent)], element);
      // Tests read how many points were drawn.
      element.dataset.points = String(plot.data[0].length);
    }
  }
}
