// The simulator page: page texts, the language switch, and the event stream
// that keeps both phones in step with the desk (and with other open tabs).
import { createPhone } from './phone.js';

const state = { texts: {} };
const connection = document.querySelector('.connection');
const maxFileBytes = Number(document.body.dataset.maxFileBytes);

const phones = Object.fromEntries(
  [...document.querySelectorAll('.phone')].map((root) => [
    root.dataset.phone,
    createPhone(root, { texts: () => state.texts, maxFileBytes }),
  ]),
);

// The phones' height leaves room for the header, whose height depends on the
// language and the window width: measured, so the message box is never below the fold.
const header = document.querySelector('.page-header');
const measureHeader = () =>
  document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
new ResizeObserver(measureHeader).observe(header);
measureHeader();

async function loadTexts(locale) {
  const response = await fetch(`/simulator/texts?locale=${encodeURIComponent(locale)}`);
  if (!response.ok) throw new Error(`texts: HTTP ${response.status}`);
  return response.json();
}

/** Puts the texts of one language on the page chrome; chat messages keep the desk's own words. */
function applyTexts(locale, texts) {
  state.texts = texts;
  document.documentElement.lang = locale;
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = texts[element.dataset.text] ?? element.textContent;
  }
  for (const element of document.querySelectorAll('[data-text-placeholder]')) {
    element.placeholder = texts[element.dataset.textPlaceholder] ?? element.placeholder;
  }
  for (const button of document.querySelectorAll('[data-locale]')) {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  }
  for (const phone of Object.values(phones)) phone.relabel();
}

function showConnection(status, key) {
  connection.dataset.state = status;
  const label = connection.querySelector('[data-text]');
  label.dataset.text = key;
  label.textContent = state.texts[key] ?? label.textContent;
}

function connect() {
  const events = new EventSource('/simulator/events');
  events.addEventListener('open', () => showConnection('open', 'simulator.connected'));
  // EventSource reconnects by itself after a dropped connection, and the desk
  // sends the whole transcript again. After an HTTP error (a proxy's 502, say)
  // it gives up instead, so then a new one is started.
  events.addEventListener('error', () => {
    showConnection('lost', 'simulator.disconnected');
    if (events.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
  });
  events.addEventListener('transcript', (event) => {
    const transcript = JSON.parse(event.data);
    for (const [name, phone] of Object.entries(phones)) phone.setEntries(transcript[name] ?? []);
  });
  events.addEventListener('entry', (event) => {
    const entry = JSON.parse(event.data);
    phones[entry.phone]?.addEntry(entry);
  });
}

for (const button of document.querySelectorAll('[data-locale]')) {
  button.addEventListener('click', async () => {
    const locale = button.dataset.locale;
    applyTexts(locale, await loadTexts(locale));
    // A reload keeps the chosen language: the server fills the page in it.
    history.replaceState(null, '', `?lang=${locale}`);
  });
}

// A one-time petugas invite, typed into the staff phone for the trainer to send.
const staffInvite = document.querySelector('.staff-invite');
staffInvite?.addEventListener('click', async () => {
  const response = await fetch('/simulator/staff-invite', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const staffError = document.querySelector('[data-phone="staff"] .error');
  if (!response.ok) {
    staffError.textContent = state.texts['simulator.staffInviteOff'] ?? '';
    return;
  }
  staffError.textContent = '';
  const { code } = await response.json();
  const box = document.querySelector('#staff-text');
  box.value = `/masuk ${code}`;
  box.focus();
});

const locale = document.documentElement.lang;
// Without the texts the page still works with the words the server filled in.
applyTexts(locale, await loadTexts(locale).catch(() => ({})));
connect();
