// One simulated phone: its chat, its composer, and what it posts to the desk.
// Message text only ever goes into textContent, never parsed as HTML: a resident
// may well type "<script>".

/** The page keeps no more than the desk does. */
const LIMIT = 300;
/** Soreang, the seat of Kabupaten Bandung: an example pin, labelled as such on the button. */
const EXAMPLE_LOCATION = { latitude: -7.0252, longitude: 107.5187 };

export function createPhone(root, { texts, maxFileBytes }) {
  const phone = root.dataset.phone;
  const list = root.querySelector('.messages');
  const empty = root.querySelector('.empty');
  const form = root.querySelector('.composer');
  const textarea = form.querySelector('textarea');
  const fileInput = root.querySelector('.file');
  const error = root.querySelector('.error');
  let entries = [];
  // After a choice made with a button, the next choices get the focus, so a
  // keyboard user can walk a whole flow with Tab and Enter.
  let focusNextOptions = false;

  const say = (key, params = {}) =>
    (texts()[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );

  function entryText(entry) {
    if (entry.location) {
      return say('simulator.entry.location', {
        latitude: entry.location.latitude.toFixed(4),
        longitude: entry.location.longitude.toFixed(4),
      });
    }
    if (entry.attachment) {
      const line = say(`simulator.entry.${entry.attachment.kind}`, { name: entry.attachment.name });
      return entry.text ? `${line}\n${entry.text}` : line;
    }
    return entry.text;
  }

  function renderEntry(entry) {
    if (entry.from === 'note') {
      // The page's own line (after a desk restart), in the page's language.
      const note = document.createElement('li');
      note.className = 'note-line';
      note.dataset.id = entry.id;
      note.textContent = say('simulator.continues');
      return note;
    }
    const item = document.createElement('li');
    item.className = `bubble from-${entry.from}`;
    item.dataset.id = entry.id;
    const who = document.createElement('span');
    who.className = 'visually-hidden';
    who.textContent = `${say(`simulator.from.${entry.from}`)}: `;
    const body = document.createElement('p');
    body.className = 'text';
    body.textContent = entryText(entry);
    const time = document.createElement('time');
    time.dateTime = entry.at;
    time.textContent = new Date(entry.at).toLocaleTimeString(document.documentElement.lang, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    item.append(who, body, time);
    return item;
  }

  /** Only the last message's choices can be answered, and only while it is the last word. */
  function renderOptions() {
    const old = list.querySelector('.options');
    if (old?.contains(document.activeElement)) textarea.focus();
    old?.remove();
    // A note line after the desk's question leaves the question open.
    const last = entries.findLast((entry) => entry.from !== 'note');
    if (last?.from !== 'desk' || last.options.length === 0) return;
    const group = document.createElement('div');
    group.className = 'options';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', say('simulator.optionsLabel'));
    for (const option of last.options) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'option';
      button.textContent = option.label;
      button.addEventListener('click', () => {
        // One answer per question, however fast the double click.
        if (group.dataset.answered) return;
        group.dataset.answered = 'true';
        focusNextOptions = true;
        send({ optionId: option.id, optionLabel: option.label }).then((sent) => {
          // Not taken by the desk: the question is still open.
          if (!sent) delete group.dataset.answered;
        });
      });
      group.append(button);
    }
    list.querySelector(`[data-id="${CSS.escape(last.id)}"]`)?.append(group);
    if (focusNextOptions && document.activeElement === textarea && textarea.value === '') {
      group.querySelector('button')?.focus();
      focusNextOptions = false;
    }
  }

  function settle() {
    while (entries.length > LIMIT) {
      entries.shift();
      list.firstElementChild?.remove();
    }
    renderOptions();
    empty.hidden = entries.length > 0;
    list.scrollTop = list.scrollHeight;
  }

  function addEntry(entry) {
    if (entries.some((known) => known.id === entry.id)) return;
    entries.push(entry);
    list.append(renderEntry(entry));
    settle();
  }

  /** The whole transcript, on (re)connect: only what is new gets added, so it is not read out twice. */
  function setEntries(next) {
    const continues = entries.every((known, index) => next[index]?.id === known.id);
    if (!continues) {
      entries = [];
      list.replaceChildren();
    }
    for (const entry of next.slice(entries.length)) {
      entries.push(entry);
      list.append(renderEntry(entry));
    }
    settle();
  }

  /** New page language: the labels around the messages change, the messages do not. */
  function relabel() {
    list.setAttribute('aria-live', 'off');
    list.replaceChildren(...entries.map(renderEntry));
    settle();
    requestAnimationFrame(() => list.setAttribute('aria-live', 'polite'));
  }

  async function send(fields) {
    error.textContent = '';
    const body = JSON.stringify({ messageId: newMessageId(), phone, ...fields });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        const response = await fetch('/simulator/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (response.ok) return true;
        // The desk is up but could not save the message: asking again at once would not help.
        if (response.status === 503) {
          error.textContent = say('simulator.notSaved');
          return false;
        }
        if (response.status < 500) {
          const problem = await response.json().catch(() => ({}));
          console.warn('simulator: the desk refused the message:', problem.error);
          break;
        }
      } catch {
        // Network trouble: the same message id goes again and the desk handles it once.
      }
      await new Promise((resolve) => setTimeout(resolve, attempt * 500));
    }
    error.textContent = say('simulator.sendFailed');
    return false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (text.trim() === '') return;
    textarea.value = '';
    if (!(await send({ text })) && textarea.value === '') textarea.value = text;
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    form.requestSubmit();
  });
  textarea.addEventListener('input', () => {
    focusNextOptions = false;
  });

  root.querySelector('.attach').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const meta = {
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      sizeBytes: file.size,
    };
    // Too big to carry: described, not uploaded, and the desk answers as a
    // real channel does when it checks a file before downloading it.
    if (file.size > maxFileBytes) await send({ file: meta });
    else await send({ file: { ...meta, dataBase64: await toBase64(file) } });
  });
  root.querySelector('.locate').addEventListener('click', () => {
    send({ location: EXAMPLE_LOCATION });
  });

  return { addEntry, setEntries, relabel };
}

function toBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function newMessageId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // A page opened over plain http from another machine is not a secure
  // context and has no randomUUID; build a version 4 UUID by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
