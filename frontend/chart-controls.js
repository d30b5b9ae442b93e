// What every chart shares: a form of pickers above it (a date range, and the metric or the series
// the chart offers), and a table of the values it draws below it, for screen readers.

/**
 * A form before `element` labelled `label`, with the chart's own `pickers` (elements) first and a
 * date range after them; `redraw` runs on every change.
 */
export function chartControls(element, label, pickers, redraw) {
  const form = document.createElement('form');
  form.className = 'chart-controls';
  form.setAttribute('aria-label', label);
  form.append(...pickers, dateInput('From', 'from'), dateInput('To', 'to'));
  element.before(form);
  form.addEventListener('change', redraw);
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

function dateInput(text, name) {
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'date';
  input.name = name;
  label.append(`${text} `, input);
  return label;
}

/** A labelled select of `options` ([value, text] pairs). */
export function selectPicker(text, name, options) {
  const label = document.createElement('label');
  const select = document.createElement('select');
  select.name = name;
  for (const [value, optionText] of options) select.add(new Option(optionText, value));
  label.append(`${text} `, select);
  return label;
}

/** A fieldset of checkboxes, one per name in `names`, all checked. */
export function checkboxPicker(legendText, name, names) {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  fieldset.append(legend);
  for (const value of names) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = value;
    box.checked = true;
    label.append(box, ` ${value}`);
    fieldset.append(label);
  }
  return fieldset;
}

/** The values of the checked boxes named `name`. */
export function checked(form, name) {
  return [...form.querySelectorAll(`input[type=checkbox][name="${name}"]`)].filter((box) => box.checked)
    .map((box) => box.value);
}

/** Whether a time (seconds since the epoch) falls in the form's date range, whole days in UTC. */
export function inRange(form, seconds) {
  const from = form.elements.from.value;
  const to = form.elements.to.value;
  if (from && seconds < Date.parse(`${from}T00:00:00Z`) / 1000) return false;
  return !(to && seconds >= Date.parse(`${to}T00:00:00Z`) / 1000 + 86400);
}

/** The form's date range as query parameters, for charts that ask the server for it. */
export function rangeQuery(form) {
  const query = new URLSearchParams();
  for (const name of ['from', 'to']) {
    if (form.elements[name].value) query.set(name, form.elements[name].value);
  }
  return query;
}

/**
 * A collapsed table after `element`; the function returned fills it with `headers` and `rows`
 * (arrays of cell texts, the first cell of each row its header).
 */
export function valueTable(element) {
  const details = document.createElement('details');
  details.className = 'chart-table';
  element.after(details);
  return (headers, rows) => {
    const summary = document.createElement('summary');
    summary.textContent = "The chart's values as a table";
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const header of headers) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = header;
      head.append(cell);
    }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      row.forEach((text, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row';
        cell.textContent = text ?? '';
        tr.append(cell);
      });
    }
    details.replaceChildren(summary, table);
  };
}

/** A chart's width: the element's, within what a page shows. */
export function chartWidth(element) {
  return Math.max(320, Math.min(element.clientWidth || 900, 1100));
}
