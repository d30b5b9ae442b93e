// Shows every <time datetime="..."> in the viewer's local time zone.
for (const element of document.querySelectorAll('time[datetime]')) {
  const time = new Date(element.getAttribute('datetime'));
  if (!Number.isNaN(time.getTime())) {
    element.textContent = time.toLocaleString();
    element.title = element.getAttribute('datetime');
  }
}
