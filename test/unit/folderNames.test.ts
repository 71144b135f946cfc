// FolderNames answers "is there a .gitignore (a config file, .git) here?" from the walk's own
// listings: only a "no" is taken from a listing; anything a listing shows is asked of the disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FolderNames } from '../../src/cli/folderNames';
import { NodeFileSystem } from '../../src/cli/nodeFileSystem';

describe('FolderNames', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mj-names-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers as existsSync does, from a listing where it says no, from the disk where it says yes', () => {
    const folder = path.join(dir, 'pair');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '.gitignore'), 'drafts/\n');
    writeFileSync(path.join(folder, '.Mentoring-Journal.json'), '{}');
    symlinkSync(path.join(dir, 'nowhere.json'), path.join(folder, '.git'));
    const names = new FolderNames();
    names.record(folder, ['.gitignore', '.Mentoring-Journal.json', '.git', 'agreement.md']);
    assert.equal(names.exists(folder, '.gitignore'), true);
    // A link to nothing is listed, but is no file: the disk says so, as existsSync would.
    assert.equal(names.exists(folder, '.git'), false);
    // Another case of a listed name: asked of the disk (which, here, tells the cases apart).
    assert.equal(names.exists(folder, '.mentoring-journal.json'), false);
    // Not listed at all: no.
    writeFileSync(path.join(folder, '.later'), '');
    assert.equal(names.exists(folder, '.later'), false, 'a name the listing did not show');
    // A folder never listed, and a name without a dot: asked of the disk.
    assert.equal(names.exists(dir, 'pair'), true);
    writeFileSync(path.join(folder, 'agreement.md'), '');
    assert.equal(names.exists(folder, 'agreement.md'), true);
  });

  it('is filled by the listings of a NodeFileSystem, keyed by the absolute folder', async () => {
    mkdirSync(path.join(dir, 'pair', 'sessions'), { recursive: true });
    writeFileSync(path.join(dir, 'pair', '.gitignore'), '*.tmp\n');
    const names = new FolderNames();
    const fs = new NodeFileSystem(dir, undefined, undefined, undefined, names);
    await fs.readDirectory('pair');
    await fs.readDirectory('pair/sessions');
    writeFileSync(path.join(dir, 'pair', 'sessions', '.gitignore'), '');
    assert.equal(names.exists(path.join(dir, 'pair'), '.gitignore'), true);
    assert.equal(names.exists(path.join(dir, 'pair', 'sessions'), '.gitignore'), false, 'written after the listing: the walk did not see it');
    assert.equal(names.exists(path.join(dir, 'pair', 'sessions'), '.mentoring-journal.json'), false);
  });
});
