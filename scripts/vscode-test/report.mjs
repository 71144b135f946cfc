// Prints the JSON-lines events written by test/suite/index.ts the way mocha's spec reporter
// does, and sums them up. Used by run-code-server.mjs (live, while the file grows) and by
// run-electron.mjs (after the run).
import * as fs from 'node:fs';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const green = (t) => paint(32, t);
const red = (t) => paint(31, t);
const cyan = (t) => paint(36, t);
const grey = (t) => paint(90, t);

/** Reads new complete lines of a growing JSON-lines file. */
export class EventsReader {
  constructor(file) {
    this.file = file;
    this.offset = 0;
    this.partial = '';
  }

  read() {
    if (!fs.existsSync(this.file)) return [];
    const size = fs.statSync(this.file).size;
    if (size <= this.offset) return [];
    const fd = fs.openSync(this.file, 'r');
    const buffer = Buffer.alloc(size - this.offset);
    fs.readSync(fd, buffer, 0, buffer.length, this.offset);
    fs.closeSync(fd);
    this.offset = size;
    const text = this.partial + buffer.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    const events = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line));
      } catch {
        events.push({ event: 'garbage', line });
      }
    }
    return events;
  }
}

/** Accumulates events, printing each as it comes; `summary()` prints the totals and failures. */
export class SpecPrinter {
  constructor(write = (s) => process.stdout.write(s)) {
    this.write = write;
    this.passes = [];
    this.failures = [];
    this.pendings = [];
    this.end = null;
    this.start = null;
    this.depth = 0;
    /** The test that began and has not finished (what a time-out interrupted). */
    this.running = null;
  }

  handle(ev) {
    switch (ev.event) {
      case 'start':
        this.start = ev;
        this.write(`${grey(`suite files: ${(ev.files ?? []).join(', ') || '(none)'}`)}\n`);
        break;
      case 'suite':
        this.depth = (ev.depth ?? 0) + 1;
        this.write(`\n${'  '.repeat(this.depth)}${ev.title}\n`);
        break;
      case 'pass':
        this.running = null;
        this.passes.push(ev);
        this.write(`${'  '.repeat(this.depth + 1)}${green('✔')} ${grey(ev.title)}${ev.durationMs > 75 ? red(` (${ev.durationMs}ms)`) : ''}\n`);
        break;
      case 'fail':
        this.running = null;
        this.failures.push(ev);
        this.write(`${'  '.repeat(this.depth + 1)}${red(`${this.failures.length}) ${ev.title}`)}\n`);
        break;
      case 'pending':
        this.pendings.push(ev);
        this.write(`${'  '.repeat(this.depth + 1)}${cyan(`- ${ev.title}`)}\n`);
        break;
      case 'begin':
        this.running = ev;
        break;
      case 'end':
        this.end = ev;
        break;
      case 'garbage':
        this.write(`${red('unreadable result line:')} ${ev.line}\n`);
        break;
      default:
        break;
    }
  }

  counts() {
    return {
      passed: this.passes.length,
      failed: this.failures.length,
      pending: this.pendings.length,
      total: this.passes.length + this.failures.length + this.pendings.length,
      durationMs: this.end?.durationMs ?? 0,
    };
  }

  summary() {
    const c = this.counts();
    this.write('\n');
    this.write(`  ${green(`${c.passed} passing`)} ${grey(`(${(c.durationMs / 1000).toFixed(1)}s)`)}\n`);
    if (c.pending) this.write(`  ${cyan(`${c.pending} pending`)}\n`);
    if (c.failed) this.write(`  ${red(`${c.failed} failing`)}\n`);
    this.failureDetails();
    this.write('\n');
    return c;
  }

  /** Each failure with its message, diff and stack. */
  failureDetails() {
    this.failures.forEach((f, i) => {
      this.write(`\n  ${i + 1}) ${f.fullTitle}:\n`);
      const message = f.message ?? '(no message)';
      this.write(`     ${red(message.split('\n').join('\n     '))}\n`);
      // node:assert puts its own diff into multi-line messages; show expected/actual otherwise.
      if ((f.expected !== undefined || f.actual !== undefined) && !message.includes('\n')) {
        this.write(`     ${green('+ expected')} ${red('- actual')}\n`);
        this.write(`     ${green(`+ ${String(f.expected).split('\n').join('\n       ')}`)}\n`);
        this.write(`     ${red(`- ${String(f.actual).split('\n').join('\n       ')}`)}\n`);
      }
      if (f.stack) {
        const stack = f.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12);
        if (stack.length) this.write(`${grey(stack.map((l) => `     ${l.trim()}`).join('\n'))}\n`);
      }
    });
  }
}
