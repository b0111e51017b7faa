/*
 * Check and Run ×N, over one WebSocket per page (/ws/check, JSON frames; README "Code challenges").
 * Both drive the console runner.js put under a code block (block.runnerConsole): a check streams its runs into it
 * like an ordinary run and then shows each test's result under it; Run ×N fills the console with the distinct outputs
 * and how often each came out. Texts come from data-msg-* attributes, rendered from the message bundles.
 */
(function () {
  'use strict';

  function fill(text, ...args) {
    return String(text || '').replace(/\{(\d+)\}/g, (match, i) => (args[i] === undefined ? '' : String(args[i])));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /** The page's connection (runner.js makes it); it serves one check or Run ×N at a time, whose job gets the frames. */
  const connection = window.lecternSocketTo ? window.lecternSocketTo('/ws/check') : null;

  function busy() {
    return connection.owner !== null && connection.owner.going;
  }

  /** What Check and Run ×N share: taking the console over while they go, and giving it back. */
  class ConsoleJob {
    constructor(console) {
      this.console = console;
      this.going = false;
      console.button('stop').addEventListener('click', () => {
        if (this.going) {
          connection.send(this, { type: 'stop' });
        }
      });
    }

    begin(state) {
      if (this.console.running || busy()) {
        this.console.notice(this.console.messages.msgOtherRunning);
        return false;
      }
      this.going = true;
      this.console.output.textContent = '';
      this.console.atLineStart = true;
      this.console.find('figures').hidden = true;
      this.console.setRunning(true, state);
      return true;
    }

    end() {
      this.going = false;
      this.console.setRunning(false, '');
    }

    error(frame) {
      this.console.notice(frame.message);
      // 409: a second request while one is going; the first goes on
      if (frame.status !== 409) {
        this.end();
      }
    }

    disconnected() {
      if (this.going) {
        this.console.notice(this.console.messages.msgDisconnected);
        this.end();
      }
    }
  }

  /** "Run ×N" on a runnable block: N ordinary runs, then the distinct outputs with their counts. */
  class RepeatJob extends ConsoleJob {
    constructor(block, console) {
      super(console);
      this.block = block;
      this.times = console.find('repeat-times');
      this.repeatButton = console.button('repeat');
      this.tally = console.find('tally');
      this.repeatButton.addEventListener('click', () => this.start());
      this.times.addEventListener('input', () => this.label());
    }

    count() {
      const n = Math.round(Number(this.times.value));
      return Number.isFinite(n) ? Math.min(100, Math.max(2, n)) : 20;
    }

    label() {
      this.repeatButton.textContent = fill(this.console.messages.msgRepeat, this.count());
    }

    start() {
      const n = this.count();
      if (!this.begin(fill(this.console.messages.msgRepeatProgress, 0, n))) {
        return;
      }
      this.tally.textContent = '';
      this.tally.hidden = false;
      this.repeatButton.disabled = true;
      connection.send(this, {
        type: 'repeat',
        code: this.console.editor.getValue(),
        times: n,
        source: {
          course: this.block.dataset.course,
          chapter: this.block.dataset.chapter,
          block: Number(this.block.dataset.block),
        },
      });
    }

    end() {
      super.end();
      this.repeatButton.disabled = false;
    }

    receive(frame) {
      const m = this.console.messages;
      if (frame.type === 'tally') {
        this.render(frame);
        this.console.find('state').textContent = frame.finished ? '' : fill(m.msgRepeatProgress, frame.done, frame.of);
      } else if (frame.type === 'ended') {
        this.end();
      } else if (frame.type === 'error') {
        this.error(frame);
      }
    }

    render(frame) {
      const m = this.console.messages;
      this.tally.textContent = '';
      const summary = element('p', 'runner-tally-summary', fill(m.msgRepeatSummary, frame.outputs.length, frame.done));
      summary.setAttribute('role', 'status');
      this.tally.appendChild(summary);
      const list = element('ol', 'runner-tally-list');
      frame.outputs.forEach((output) => {
        const item = element('li', 'runner-tally-item');
        item.appendChild(element('span', 'runner-tally-count', fill(m.msgRepeatCount, output.count)));
        if (output.status !== 'ok') {
          const key = 'msgStatus' + output.status.charAt(0).toUpperCase() + output.status.slice(1);
          item.appendChild(element('span', 'runner-tally-status', m[key] || output.status));
        }
        const text = element('pre', 'runner-tally-output', output.stdout === '' ? m.msgRepeatEmpty : output.stdout);
        text.setAttribute('aria-label', m.msgRepeatOutput);
        item.appendChild(text);
        list.appendChild(item);
      });
      this.tally.appendChild(list);
    }
  }

  /** A challenge's Check: the check's runs stream into the console, then each test's result shows under it. */
  class CheckJob extends ConsoleJob {
    constructor(section, article, console) {
      super(console);
      this.section = section;
      this.article = article;
      this.m = section.dataset;
      this.results = article.querySelector('[data-role="results"]');
      this.checkButton = element('button', 'runner-button runner-check', this.m.msgCheck);
      this.checkButton.type = 'button';
      this.checkButton.title = this.m.msgCheckHint;
      this.checkButton.dataset.action = 'check';
      console.button('run').after(this.checkButton);
      this.checkButton.addEventListener('click', () => this.start());
    }

    start() {
      if (!this.begin(this.m.msgChecking)) {
        return;
      }
      this.results.textContent = '';
      this.checkButton.disabled = true;
      connection.send(this, {
        type: 'check',
        course: this.section.dataset.course,
        section: this.section.dataset.section,
        chapter: this.section.dataset.chapter,
        challenge: Number(this.article.dataset.challenge),
        code: this.console.editor.getValue(),
      });
    }

    end() {
      super.end();
      this.checkButton.disabled = false;
    }

    receive(frame) {
      switch (frame.type) {
        case 'repetition':
          this.console.notice(fill(this.m.msgRepetition, frame.run, frame.of));
          break;
        case 'verdict':
          this.verdict(frame);
          break;
        case 'ended':
          this.end();
          break;
        case 'error':
          this.error(frame);
          break;
        case 'exit':
          this.console.receive(frame);
          // a repeated check has more runs to come: the console stays busy until the check has ended
          if (this.going) {
            this.console.setRunning(true, this.m.msgChecking);
          }
          break;
        default:
          this.console.receive(frame);
      }
    }

    verdict(frame) {
      const m = this.m;
      this.results.textContent = '';
      const heading = element('p', 'challenge-verdict ' + (frame.passed ? 'challenge-verdict--passed' : 'challenge-verdict--failed'));
      heading.setAttribute('role', 'status');
      heading.appendChild(element('strong', '', frame.passed ? m.msgPassed : fill(m.msgFailed, frame.testsPassed, frame.testsTotal)));
      heading.appendChild(element('span', 'challenge-verdict__attempt', ' · ' + fill(m.msgAttempt, frame.attemptNo)));
      this.results.appendChild(heading);
      const list = element('ul', 'challenge-tests');
      frame.tests.forEach((test) => {
        const item = element('li', 'challenge-test ' + (test.passed ? 'challenge-test--passed' : 'challenge-test--failed'));
        item.dataset.test = test.name;
        item.appendChild(element('span', 'challenge-test__mark', test.passed ? '✓' : '✗'));
        item.appendChild(element('span', 'visually-hidden', test.passed ? m.msgTestPassed : m.msgTestFailed));
        item.appendChild(element('code', 'challenge-test__name', test.name));
        if (test.doc) {
          item.appendChild(element('span', 'challenge-test__doc', test.doc));
        }
        const message = test.note ? m['msgNote' + test.note.charAt(0).toUpperCase() + test.note.slice(1)] : test.message;
        if (!test.passed && message) {
          item.appendChild(element('pre', 'challenge-test__message', message));
        }
        list.appendChild(item);
      });
      this.results.appendChild(list);
      frame.demands.forEach((demand) => {
        let text;
        if (demand.kind === 'wall') {
          text = fill(m.msgWall, demand.actual, demand.limit);
        } else if (demand.kind === 'processes') {
          text = fill(m.msgProcesses, demand.actual, demand.limit);
        } else {
          text = demand.passed ? fill(m.msgRaceOk, demand.limit) : fill(m.msgRace, demand.actual, demand.limit);
        }
        const line = element('p', 'challenge-demand ' + (demand.passed ? 'challenge-demand--passed' : 'challenge-demand--failed'));
        line.dataset.demand = demand.kind;
        line.appendChild(element('span', 'challenge-test__mark', demand.passed ? '✓ ' : '✗ '));
        line.appendChild(element('span', '', text));
        this.results.appendChild(line);
      });
      if (frame.status !== 'ok') {
        const key = 'msgStatus' + frame.status.charAt(0).toUpperCase() + frame.status.slice(1);
        this.results.appendChild(element('p', 'challenge-status', fill(m.msgStatus, this.console.messages[key] || frame.status)));
      }
      this.standing(frame);
    }

    standing(frame) {
      const standing = this.article.querySelector('[data-role="standing"]');
      if (frame.passed || frame.solution) {
        standing.textContent = '';
        if (frame.passed || standing.dataset.solved) {
          standing.dataset.solved = 'true';
          standing.appendChild(element('span', 'challenge__badge challenge__badge--solved', '✓ ' + this.m.msgSolved));
        }
      } else if (!standing.dataset.solved) {
        standing.textContent = '';
        standing.appendChild(element('span', 'challenge__badge', fill(this.m.msgAttempted, frame.attemptNo)));
      }
      const ask = this.article.querySelector('[data-role="ask"]');
      if (frame.solution && !this.article.querySelector('[data-role="solution"]')) {
        const solution = element('section', 'challenge__solution');
        solution.dataset.role = 'solution';
        solution.appendChild(element('h4', '', this.m.msgSolution));
        const pre = element('pre', 'code');
        pre.appendChild(element('code', 'language-python', frame.solution));
        solution.appendChild(pre);
        this.results.after(solution);
        if (ask) {
          ask.remove();
        }
      } else if (ask && frame.mayAskSolution) {
        ask.hidden = false;
      }
    }
  }

  function enhance() {
    if (!connection) {
      return;
    }
    document.querySelectorAll('.code-block.runnable').forEach((block) => {
      if (block.runnerConsole) {
        new RepeatJob(block, block.runnerConsole);
      }
    });
    document.querySelectorAll('section.challenges').forEach((section) => {
      section.querySelectorAll('article.challenge').forEach((article) => {
        const block = article.querySelector('.code-block.runnable');
        if (!block || !block.runnerConsole) {
          return;
        }
        if (article.dataset.latest) {
          block.runnerConsole.editor.setValue(article.dataset.latest);
        }
        if (!article.querySelector('.challenge__login')) {
          new CheckJob(section, article, block.runnerConsole);
        }
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
