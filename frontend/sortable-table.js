// Sortable tables: in every <table data-sortable>, each column header becomes a button that sorts
// the body's rows by that column (again: the other way round). A cell's data-sort attribute, when
// present, is the value sorted by (a number, or an ISO time), else its text; numbers compare as
// numbers, and empty cells go last either way. aria-sort on the header tells the current order.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const sortValue = (row, column) => {
  const cell = row.cells[column];
  if (!cell) {
    return '';
  }
  return (cell.dataset.sort ?? cell.textContent).trim();
};

const compare = (a, b) => {
  if (a === '' || b === '') {
    return (a === '') - (b === '');
  }
  const x = Number(a);
  const y = Number(b);
  return Number.isNaN(x) || Number.isNaN(y) ? collator.compare(a, b) : x - y;
};

const sortBy = (table, header, column) => {
  const descending = header.getAttribute('aria-sort') === 'ascending';
  for (const other of header.parentElement.cells) {
    other.removeAttribute('aria-sort');
  }
  header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  for (const body of table.tBodies) {
    const rows = [...body.rows].map((row) => ({ row, value: sortValue(row, column) }));
    rows.sort((a, b) => {
      // Empty cells stay last in both directions, so only the non-empty ones are reversed.
      if (a.value === '' || b.value === '') {
        return compare(a.value, b.value);
      }
      return descending ? compare(b.value, a.value) : compare(a.value, b.value);
    });
    body.append(...rows.map(({ row }) => row));
  }
};

for (const table of document.querySelectorAll('table[data-sortable]')) {
  const headers = table.tHead?.rows[0]?.cells ?? [];
  [...headers].forEach((header, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => sortBy(table, header, column));
  });
}
