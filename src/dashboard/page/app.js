// Changing the period or the area fetches the figures again (/dasbor/data)
// and swaps them in; without this script the form simply reloads the page.
const form = document.querySelector('form.filter');
const figures = document.getElementById('figures');
const status = document.querySelector('.status');
let pending;

async function refresh() {
  const params = new URLSearchParams(new FormData(form));
  pending?.abort();
  pending = new AbortController();
  status.textContent = status.dataset.loading;
  figures.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(`/dasbor/data?${params}`, {
      signal: pending.signal,
      headers: { accept: 'application/json' },
    });
    const body = await response.json();
    if (!response.ok) {
      // Old figures under a new filter would be read as the answer to it.
      figures.replaceChildren();
      status.textContent = body.error ?? status.dataset.failed;
      return;
    }
    figures.innerHTML = body.html; // rendered and escaped by the desk, as on the first load
    status.textContent = body.showing;
    history.replaceState(null, '', `/dasbor?${params}`);
  } catch (error) {
    if (error.name !== 'AbortError') status.textContent = status.dataset.failed;
  } finally {
    figures.removeAttribute('aria-busy');
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
for (const name of ['periode', 'wilayah']) {
  form?.elements.namedItem(name)?.addEventListener('change', refresh);
}
