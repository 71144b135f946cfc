import assert from 'node:assert/strict';
import { FolderMoves, MOVE_WINDOW_MS } from '../../src/core/folderMoves';

const PAIR = ['pair/agreement.md', 'pair/goals/a.md', 'pair/sessions/2026-11-18.md', 'other/agreement.md'];
const RENAMED = PAIR.map((p) => p.replace(/^pair\//, 'renamed/'));

describe('FolderMoves: a folder renamed on disk, as a watcher reports it', () => {
  it('pairs a vanished folder with one that appeared holding the same files, in either order', () => {
    const deletedFirst = new FolderMoves();
    deletedFirst.noteVanished('pair', PAIR, 1000);
    deletedFirst.noteAppeared('renamed', RENAMED, 1200);
    assert.deepEqual(deletedFirst.translate('pair/goals/a.md'), ['renamed/goals/a.md']);

    const createdFirst = new FolderMoves();
    createdFirst.noteAppeared('renamed', RENAMED, 1000);
    createdFirst.noteVanished('pair', PAIR, 1100);
    assert.deepEqual(createdFirst.translate('pair/sessions/new.md'), ['renamed/sessions/new.md']);
    assert.deepEqual(createdFirst.translate('pair'), ['renamed']);
  });

  it('leaves paths outside a moved folder alone, also those that only start with its name', () => {
    const moves = new FolderMoves();
    moves.noteVanished('pair', PAIR, 0);
    moves.noteAppeared('renamed', RENAMED, 0);
    assert.deepEqual(moves.translate('other/agreement.md'), []);
    assert.deepEqual(moves.translate('pair-2/agreement.md'), []);
  });

  it('does not pair folders with other files, or seen too far apart', () => {
    const different = new FolderMoves();
    different.noteVanished('pair', PAIR, 0);
    different.noteAppeared('renamed', ['renamed/agreement.md'], 0);
    assert.deepEqual(different.translate('pair/goals/a.md'), []);

    const late = new FolderMoves();
    late.noteVanished('pair', PAIR, 0);
    late.noteAppeared('renamed', RENAMED, MOVE_WINDOW_MS + 1);
    assert.deepEqual(late.translate('pair/goals/a.md'), []);
  });

  it('follows a folder renamed twice', () => {
    const moves = new FolderMoves();
    moves.noteMove('a', 'b');
    moves.noteMove('b', 'c');
    assert.deepEqual(moves.translate('a/goals/x.md'), ['b/goals/x.md', 'c/goals/x.md']);
    moves.noteMove('c', 'a');
    assert.deepEqual(moves.translate('a/x.md'), ['b/x.md', 'c/x.md'], 'a loop ends');
  });
});
