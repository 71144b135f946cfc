import assert from 'node:assert/strict';
import type { FileSystem } from '../../../src/core';
import { check, expectNone, expectOne, lines, problemsOf, relationship, SESSION } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('rules: file/*', () => {
  describe('file/too-large', () => {
    it('valid: a file under the limit', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', encode(SESSION), { maxFileBytes: 1024 }), 'file/too-large');
    });

    it('reports a file over maxFileBytes with its size and the limit, and skips it', () => {
      const big = encode(SESSION + 'x'.repeat(2000));
      const file = problemsOf('p/sessions/2026-02-02.md', big, { maxFileBytes: 1024 });
      expectOne(file, { code: 'file/too-large', severity: 'warning', range: [1, 1, 1, 1], message: [new RegExp(`${big.byteLength} bytes`), /limit of 1024/, /skipped/] });
      assert.equal(file.length, 1);
    });

    it('applies the limit to editor text too', () => {
      expectOne(problemsOf('p/sessions/2026-02-02.md', SESSION + 'é'.repeat(600), { maxFileBytes: 1024 }), { code: 'file/too-large', severity: 'warning', range: [1, 1, 1, 1] });
    });
  });

  describe('file/binary', () => {
    it('valid: text', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', encode(SESSION)), 'file/binary');
    });

    it('reports NUL bytes as binary content and skips the file', () => {
      const file = problemsOf('p/sessions/2026-02-02.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x89, 0x50, 0x4e, 0x47]));
      expectOne(file, { code: 'file/binary', severity: 'error', range: [1, 1, 1, 1], message: [/binary/, /skipped/] });
      assert.equal(file.length, 1);
    });
  });

  describe('file/encoding', () => {
    it('valid: UTF-8 with accents and emoji', () => {
      expectNone(problemsOf('p/sessions/2026-02-02.md', encode(SESSION.replace('Sam Okafor', 'Zoë 🌱'))), 'file/encoding');
    });

    it('reports invalid UTF-8 and still reads the rest', () => {
      const bytes = new Uint8Array([...encode(lines('---', 'type: session', 'date: 2026-02-02', 'attendees: [Jos')), 0xe9, ...encode(']\n---\n')]);
      const file = problemsOf('p/sessions/2026-02-02.md', bytes);
      expectOne(file, { code: 'file/encoding', severity: 'warning', range: [1, 1, 1, 1], message: [/not valid UTF-8/, /Save it as UTF-8/] });
      assert.equal(file.length, 1);
    });

    it('checks the goals a session names when the bytes that are not UTF-8 are in its body, not when they are in its front matter', async () => {
      const body = new Uint8Array([...encode(SESSION.replace('goals: [rust-basics]', 'goals: [design-dox]')), ...encode('Talked with Zo'), 0xeb, ...encode(' about [[nope]].\n')]);
      const inBody = await check(relationship({ 'p/sessions/2026-02-02.md': body }));
      assert.deepEqual(inBody.problems('p/sessions/2026-02-02.md').map((p) => p.code).sort(), ['file/encoding', 'goal/unknown-id', 'goal/unknown-id']);
      const inHead = await check(relationship({ 'p/sessions/2026-02-02.md': new Uint8Array([...encode('---\ntype: session\ndate: 2026-02-02\nattendees: [Zo'), 0xeb, ...encode(']\ngoals: [design-dox]\n---\n')]) }));
      assert.deepEqual(inHead.problems('p/sessions/2026-02-02.md').map((p) => p.code), ['file/encoding']);
    });
  });

  describe('file/unreadable', () => {
    const failing = (files: Record<string, string>, bad: string): FileSystem => ({
      async readFile(path) {
        if (path === bad) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
        if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return encode(files[path]!);
      },
      async readDirectory(path) {
        const prefix = path ? `${path}/` : '';
        const names = new Map<string, 'file' | 'directory'>();
        for (const p of Object.keys(files)) if (p.startsWith(prefix)) {
          const rest = p.slice(prefix.length);
          names.set(rest.split('/')[0]!, rest.includes('/') ? 'directory' : 'file');
        }
        return [...names];
      },
    });

    it('valid: readable files', async () => {
      const { problems } = await check(failing(relationship() as Record<string, string>, 'none'));
      expectNone(problems('p/sessions/2026-02-02.md'), 'file/unreadable');
    });

    it('reports a file the host cannot read, with the reason in plain words (not the system\'s error code)', async () => {
      const { problems } = await check(failing(relationship() as Record<string, string>, 'p/sessions/2026-02-02.md'));
      expectOne(problems('p/sessions/2026-02-02.md'), { code: 'file/unreadable', severity: 'error', range: [1, 1, 1, 1], message: [/^This file could not be read: permission denied\. Nothing in it was checked, and nothing in it counts in the review: give your user read access to it\.$/] });
    });

    it('a goal file it cannot read still stands for its goal (status unknown): references to it are not unknown, and other references are unchecked', async () => {
      const { problems, index } = await check(failing(relationship() as Record<string, string>, 'p/goals/design-doc.md'));
      expectOne(problems('p/goals/design-doc.md'), { code: 'file/unreadable', severity: 'error', range: [1, 1, 1, 1], message: [/permission denied/] });
      assert.deepEqual([...index.allProblems().values()].flat().filter((p) => p.code === 'goal/unknown-id'), []);
      // The session names `design-doc`, the id the unread file's name gives, and known goals: nothing left in doubt.
      expectNone(problems('p/agreement.md'), 'goal/references-unchecked');
      assert.deepEqual(index.relationship('p')!.goals.filter((g) => g.id === 'design-doc').map((g) => g.status), ['unknown']);
      // A reference to another id may be one the unread file defines: said once, at the agreement.
      const other = relationship({ 'p/sessions/2026-03-02.md': SESSION.replace('date: 2026-02-02', 'date: 2026-03-02').replace('goals: [rust-basics]', 'goals: [rust-basics, talk]') }) as Record<string, string>;
      const more = await check(failing(other, 'p/goals/design-doc.md'));
      expectOne(more.problems('p/agreement.md'), { code: 'goal/references-unchecked', severity: 'info', range: [1, 1, 1, 4], message: [/^Goal references not checked: `goals\/design-doc\.md` could not be read and may define the goals that the reference in 1 session names/] });
    });
  });

  describe('file/outside-relationship', () => {
    it('valid: a session below an agreement.md', async () => {
      const { problems } = await check(relationship());
      expectNone(problems('p/sessions/2026-02-02.md'), 'file/outside-relationship');
    });

    it('reports a session with no agreement.md above it at its opening ---', async () => {
      const { problems } = await check(relationship({ 'q/sessions/2026-02-02.md': SESSION }));
      expectOne(problems('q/sessions/2026-02-02.md'), { code: 'file/outside-relationship', severity: 'error', range: [1, 1, 1, 4], message: [/session file/, /agreement\.md/] });
    });

    it('reports a goal file outside any relationship, but not a plain note', async () => {
      const { problems } = await check(relationship({ 'goals/solo.md': lines('---', 'type: goal', 'title: Alone', 'status: proposed', '---', ''), 'notes.md': '# Notes\n' }));
      expectOne(problems('goals/solo.md'), { code: 'file/outside-relationship', severity: 'error', range: [1, 1, 1, 4], message: [/goal file/] });
      assert.deepEqual(problems('notes.md'), []);
    });

    it('reports an agreement not named agreement.md outside a relationship', async () => {
      const { problems } = await check({ 'x/contract.md': lines('---', 'type: agreement', '---', '') });
      expectOne(problems('x/contract.md'), { code: 'file/outside-relationship', severity: 'error', range: [1, 1, 1, 4], message: [/named agreement\.md/] });
    });
  });
});
