// Draws a repository's trends with uPlot: the score and the unsafe blocks of each scanned commit,
// in commit order. Hovering shows the values; the axis shows short commit ids.
const element = document.getElementById('trend-chart');
if (element && window.uPlot) {
  const response = await fetch(element.dataset.trends, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    element.textContent = `The trends could not be loaded (${response.status}).`;
  } else {
    const points = (await response.json()).points;
    const plot = new uPlot({
      width: Math.max(320, Math.min(element.clientWidth || 900, 1100)),
      height: 280,
      scales: { x: { time: false }, score: { range: [0, 100] } },
      axes: [
        { values: (u, ticks) => ticks.map((tick) => (points[tick] ? points[tick].commit.slice(0, 7) : '')) },
        { scale: 'score', label: 'score' },
        { scale: 'unsafe', side: 1, label: 'unsafe blocks', grid: { show: false } },
      ],
      series: [
        { label: 'commit' },
        { label: 'score', scale: 'score', stroke: '#2e7d32', width: 2, points: { show: true } },
        { label: 'unsafe blocks', scale: 'unsafe', stroke: '#c62828', width: 2, points: { show: true } },
      ],
    }, [points.map((p, i) => i), points.map((p) => p.score), points.map((p) => p.metrics.unsafe_blocks)], element);
    // Tests read how many points were drawn.
    element.dataset.points = String(plot.data[0].length);
  }
}
