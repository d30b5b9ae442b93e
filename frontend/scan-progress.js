// Live progress of queued and running scans: each <progress data-scan-events="URL"> follows its
// scan's Server-Sent Events and, when the scan ends, the page reloads to show the result.
for (const bar of document.querySelectorAll('progress[data-scan-events]')) {
  const label = document.getElementById(bar.dataset.label);
  const events = new EventSource(bar.dataset.scanEvents);
  const show = (message) => {
    const scan = JSON.parse(message.data);
    if (scan.filesTotal) {
      bar.max = scan.filesTotal;
      bar.value = scan.filesDone ?? 0;
    }
    if (label) {
      label.textContent = scan.filesTotal
        ? `${scan.status}: ${scan.filesDone ?? 0} of ${scan.filesTotal} files`
        : `${scan.status}`;
    }
    return scan;
  };
  events.addEventListener('progress', show);
  events.addEventListener('end', (message) => {
    show(message);
    events.close();
    window.location.reload();
  });
  events.onerror = () => {
    // The stream is closed by the server after a while or on a restart; the browser reconnects
    // by itself. A scan that no longer exists will not come back: stop following it.
    if (events.readyState === EventSource.CLOSED && label) {
      label.textContent = 'progress unavailable; reload the page';
    }
  };
}
