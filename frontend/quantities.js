// Values in a unit scaled to their size, as the pages' tables show them (text.Quantities on the
// server): times by thousands up to seconds, byte rates by 1024, other rates by thousands.
const TIMES = [[1, 'ns'], [1e3, 'µs'], [1e6, 'ms'], [1e9, 's']];
const BYTE_RATES = [[1, 'B/s'], [1024, 'KiB/s'], [1024 ** 2, 'MiB/s'], [1024 ** 3, 'GiB/s'], [1024 ** 4, 'TiB/s']];

function steps(unit) {
  if (unit === 'ns') return TIMES;
  if (unit === 'B/s') return BYTE_RATES;
  if (!unit) return [[1, '']];
  return [[1, unit], [1e3, `k ${unit}`], [1e6, `M ${unit}`], [1e9, `G ${unit}`]];
}

function number(value) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en');
  return value.toFixed(magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3);
}

/** `value` in `unit` (ns, B/s, elements/s, ...) scaled, with its unit. */
export function scaled(value, unit) {
  if (value == null || Number.isNaN(value)) return '';
  let [factor, label] = steps(unit)[0];
  for (const [stepFactor, stepLabel] of steps(unit)) {
    if (Math.abs(value) >= stepFactor) [factor, label] = [stepFactor, stepLabel];
  }
  const text = number(value / factor);
  return label ? `${text} ${label}` : text;
}

/** When a result's commit was made, else when it was uploaded, in seconds since the epoch. */
export function resultTime(point) {
  return Date.parse(point.committedAt ?? point.measuredAt) / 1000;
}
