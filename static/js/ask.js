/*
 * "Ask" beside a chapter: a drawer (a full page on phones) that sends a question to POST /api/ask and shows the
 * answer as it streams in (server-sent events over fetch): the course's passages first, then, when the site has a
 * language model, a written answer that cites them as [1], [2] … The Stop button aborts the request, which ends
 * the answer on the server too. Failed runs in the runner get an "Explain this error" button that asks the same way.
 * Everything is built with textContent, except the passages' text, which the server sends escaped with <mark>s.
 */
(function () {
  'use strict';

  const panel = document.getElementById('ask-panel');
  const toggle = document.querySelector('.ask-toggle');
  if (!panel || !toggle) {
    return;
  }
  const msg = panel.dataset;
  const find = (role) => panel.querySelector('[data-role="' + role + '"]');
  const form = find('form');
  const field = panel.querySelector('#ask-question');
  const stopButton = panel.querySelector('[data-action="stop"]');
  const statusLine = find('status');
  const generated = find('generated');
  const notice = find('notice');
  const sources = find('sources');
  const sourcesTitle = find('sources-title');
  let current = null;
  let passages = [];
  let answerText = '';

  function open() {
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    document.body.classList.add('ask-open');
    field.focus();
  }

  function close() {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    document.body.classList.remove('ask-open');
    toggle.focus();
  }

  function reset(status) {
    statusLine.textContent = status;
    generated.hidden = true;
    generated.textContent = '';
    notice.hidden = true;
    notice.textContent = '';
    sources.textContent = '';
    sourcesTitle.hidden = true;
    passages = [];
    answerText = '';
  }

  function setBusy(busy) {
    // the Ask button stays usable (a new question replaces the running one), so focus never falls off it
    stopButton.hidden = !busy;
    panel.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function showPassages(data) {
    passages = data.passages;
    statusLine.textContent = passages.length === 0 ? msg.msgNone : '';
    if (data.generation === 'sign_in') {
      showNotice(msg.msgSignIn);
    }
    if (data.generation === 'on') {
      statusLine.textContent = msg.msgThinking;
    }
    sourcesTitle.hidden = passages.length === 0;
    passages.forEach((p) => {
      const item = document.createElement('li');
      item.className = 'ask-source';
      item.id = 'ask-source-' + p.n;
      const link = document.createElement('a');
      link.href = p.href;
      link.className = 'ask-source__link';
      link.textContent = p.chapter + ' › ' + p.heading;
      item.appendChild(link);
      if (p.kind !== 'text') {
        const kind = document.createElement('span');
        kind.className = 'ask-source__kind';
        kind.textContent = p.kind === 'code' ? msg.msgKindCode : msg.msgKindQuiz;
        item.appendChild(kind);
      }
      const text = document.createElement('p');
      text.className = 'ask-source__text' + (p.kind === 'code' ? ' ask-source__text--code' : '');
      text.innerHTML = p.html; // escaped by the server's highlighter; only <mark> is markup
      item.appendChild(text);
      sources.appendChild(item);
    });
  }

  /** Renders the written answer so far: code fences as code, [n] as links to the passages. */
  function renderAnswer() {
    generated.hidden = false;
    generated.textContent = '';
    answerText.split(/```[a-zA-Z0-9]*\n?/).forEach((part, i) => {
      if (i % 2 === 1) {
        const pre = document.createElement('pre');
        const code = document.createElement('code');
        code.textContent = part.replace(/\n$/, '');
        pre.appendChild(code);
        generated.appendChild(pre);
        return;
      }
      const para = document.createElement('div');
      para.className = 'ask-generated__text';
      part.split(/(\[\d+\])/).forEach((piece) => {
        const cite = /^\[(\d+)\]$/.exec(piece);
        const source = cite && passages[Number(cite[1]) - 1];
        if (source) {
          const link = document.createElement('a');
          link.href = source.href;
          link.className = 'ask-cite';
          link.textContent = '[' + cite[1] + ']';
          link.title = source.chapter + ' › ' + source.heading;
          para.appendChild(link);
        } else {
          para.appendChild(document.createTextNode(piece));
        }
      });
      generated.appendChild(para);
    });
  }

  function handle(event, data) {
    switch (event) {
      case 'passages':
        showPassages(data);
        break;
      case 'token':
        statusLine.textContent = '';
        answerText += data.text;
        renderAnswer();
        break;
      case 'notice':
        statusLine.textContent = '';
        showNotice(data.message);
        break;
      case 'done':
        if (statusLine.textContent === msg.msgThinking) {
          statusLine.textContent = '';
        }
        break;
      default:
        break;
    }
  }

  /** Reads "event: …" / "data: …" blocks from the response as they arrive. */
  async function readEvents(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        let data = '';
        block.split('\n').forEach((line) => {
          if (line.startsWith('event:')) {
            event = line.slice(6).trim();
          } else if (line.startsWith('data:')) {
            data += line.slice(5).trim();
          }
        });
        handle(event, data ? JSON.parse(data) : {});
      }
    }
  }

  async function ask(body, status) {
    if (current) {
      current.abort();
    }
    const controller = new AbortController();
    current = controller;
    reset(status);
    setBusy(true);
    const headers = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
    const token = document.querySelector('meta[name="csrf-token"]');
    if (token) {
      headers['X-CSRF-Token'] = token.content;
    }
    body.course = msg.course;
    body.section = msg.section;
    body.chapter = msg.chapter;
    try {
      const response = await fetch('/api/ask', {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: controller.signal,
      });
      if (!response.ok) {
        const error = await response.json().catch(() => ({}));
        statusLine.textContent = '';
        showNotice(error.error || msg.msgFailed);
        return;
      }
      await readEvents(response);
    } catch (e) {
      if (e.name === 'AbortError') {
        statusLine.textContent = msg.msgStopped;
      } else {
        statusLine.textContent = '';
        showNotice(msg.msgFailed);
      }
    } finally {
      if (current === controller) {
        current = null;
        setBusy(false);
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = field.value.trim();
    if (question) {
      ask({ question }, msg.msgThinking);
    }
  });
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  stopButton.addEventListener('click', () => {
    if (current) {
      current.abort();
    }
  });
  toggle.addEventListener('click', () => (panel.hidden ? open() : close()));
  panel.querySelector('[data-action="close"]').addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      close();
    }
  });
  // on a phone the drawer covers the page: following a passage to this very page must uncover it
  panel.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (link && link.pathname === location.pathname && window.matchMedia('(max-width: 640px)').matches) {
      close();
    }
  });
  toggle.hidden = false;

  // The runner tells the page when a run ends; a failed one gets an "Explain this error" button.
  const failed = ['error', 'timeout', 'cpu_limit', 'memory_limit', 'process_limit', 'output_limit'];
  document.addEventListener('lectern:run-finished', (event) => {
    const run = event.detail;
    const runner = event.target;
    const old = runner.querySelector('.ask-explain');
    if (old) {
      old.remove();
    }
    if (!failed.includes(run.status)) {
      return;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'runner-button ask-explain';
    button.textContent = msg.msgExplain;
    button.addEventListener('click', () => {
      open();
      field.value = msg.msgExplainQuestion;
      ask({ run: { code: run.code, error: run.error, stackDump: run.stackDump } }, msg.msgThinking);
    });
    const figures = runner.querySelector('[data-role="figures"]');
    (figures || runner).appendChild(button);
  });
})();
