import { spawn } from 'node:child_process';
import { posix } from 'node:path';
import { mergeChanges, rootedHistory, withPaths, type GitCommit, type GitFileChange, type GitFileRequest, type GitHistorySource } from '../core/history';

/** The output of one git command, or undefined when git is missing or the command failed. */
function git(cwd: string, args: string[], input?: string): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined)); // git is not installed
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

const STATUSES = new Set(['A', 'M', 'D', 'R', 'C', 'T']);

/**
 * How every `git log` here prints a commit, whatever the repository's settings: the first commit's
 * files too (`log.showRoot=false` hid them, and its sessions were credited to whoever changed them
 * next), names in UTF-8 (`i18n.logOutputEncoding` or `i18n.commitEncoding` gave them in Latin-1),
 * and no signatures between the records (`log.showSignature`).
 */
const RECORD = ['-z', '--root', '--encoding=UTF-8', '--no-show-signature', '-M', '--name-status', '--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%ad', '--date=short-local'];

/** What `git log` is asked for the history: see `commits` in gitHistorySource. */
const LOG = ['--author-date-order', '--full-history', '-m', ...RECORD];

/**
 * Parses `git log -z -m --name-status --format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%ad --date=short-local`:
 * each record starts with RS, its header ends at the first NUL, then NUL-separated status and
 * paths. With `-m` a merge comes once per parent, with its changes against that parent: the
 * records are combined into one commit (mergeChanges).
 */
export function parseGitLog(text: string): GitCommit[] {
  const commits = parseRecords(text);
  const out: GitCommit[] = [];
  for (let i = 0; i < commits.length; ) {
    let j = i + 1;
    while (j < commits.length && commits[j]!.hash === commits[i]!.hash) j++;
    const c = commits[i]!;
    out.push(c.parents.length > 1 ? { ...c, files: mergeChanges(commits.slice(i, j).map((r) => r.files)) } : c);
    i = j;
  }
  return out;
}

function parseRecords(text: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const record of text.split('\x1e')) {
    if (!record) continue;
    const end = record.indexOf('\0');
    const header = end === -1 ? record.replace(/\n+$/, '') : record.slice(0, end);
    const [hash, parents, name, email, date] = header.split('\x1f');
    if (!hash || date === undefined) continue;
    const tokens = end === -1 ? [] : record.slice(end + 1).replace(/^\n/, '').split('\0');
    const files: GitFileChange[] = [];
    for (let i = 0; i < tokens.length; ) {
      const status = tokens[i]!.charAt(0) as GitFileChange['status'];
      if (!STATUSES.has(status)) {
        i++;
        continue;
      }
      if (status === 'R' || status === 'C') {
        files.push({ status, from: tokens[i + 1]!, path: tokens[i + 2]! });
        i += 3;
      } else {
        files.push({ status, path: tokens[i + 1]! });
        i += 2;
      }
    }
    commits.push({ hash, parents: parents ? parents.split(' ') : [], author: { name: name ?? '', email: email ?? '' }, date: date.trim(), files });
  }
  return commits;
}

/** Splits `git cat-file --batch` output into the objects asked for, in order. */
export function parseCatFile(out: Buffer, count: number): Array<Uint8Array | undefined> {
  const result: Array<Uint8Array | undefined> = [];
  let at = 0;
  while (result.length < count && at < out.length) {
    const nl = out.indexOf(0x0a, at);
    if (nl === -1) break;
    const header = out.toString('utf8', at, nl);
    const match = / (blob|tree|commit|tag) (\d+)$/.exec(header);
    if (!match) {
      result.push(undefined); // `<name> missing` or `ambiguous`
      at = nl + 1;
      continue;
    }
    const size = Number(match[2]);
    result.push(match[1] === 'blob' ? out.subarray(nl + 1, nl + 1 + size) : undefined);
    at = nl + 1 + size + 1;
  }
  while (result.length < count) result.push(undefined);
  return result;
}

/**
 * The journal's history through `git` as a child process: one `git log` for the commits (paths
 * relative to the journal root, renames detected) and one `git cat-file --batch` for every
 * version asked for. Undefined outside a git work tree, or when git is not installed;
 * `shallow` in a shallow clone, whose history is cut off (`git clone --depth`, CI checkouts).
 */
export async function gitHistorySource(root: string): Promise<GitHistorySource | 'shallow' | undefined> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  const [work, shallow] = inside?.toString().trim().split(/\s+/) ?? [];
  if (work !== 'true') return undefined;
  // A shallow clone's oldest commit looks as if it added every file: no history is read from it.
  if (shallow === 'true') return 'shallow';
  // Renames staged but not committed (`git mv p ana-and-bo`): the history is read as if the files
  // had always had their new paths, which are the ones the journal has now (the whole repository's,
  // since a file may have come into the root's folder from outside it); their bytes are read at the
  // paths the commits knew. (Paths from the repository's top: `git diff` gives those.)
  const staged = parseStagedRenames((await git(root, ['diff', '--cached', '-M', '--name-status', '-z', 'HEAD']))?.toString('utf8') ?? '');
  if (staged.size) {
    const prefix = await showPrefix(root);
    const before = new Map([...staged].map(([from, to]) => [to, from]));
    const renamed = (p: string) => staged.get(p) ?? p;
    return {
      async commits() {
        const all = await git(root, ['log', ...LOG]);
        const commits = all ? parseGitLog(all.toString('utf8')).map((c) => ({ ...c, files: c.files.map((f) => withPaths(f, renamed)) })) : [];
        return rootedHistory(commits, prefix);
      },
      noCommitsYet,
      async read(requests: GitFileRequest[]) {
        if (!requests.length) return [];
        const top = (p: string) => posix.normalize(prefix ? `${prefix}/${p}` : p);
        const out = await git(root, ['cat-file', '--batch'], requests.map((r) => `${r.commit}:${before.get(top(r.path)) ?? top(r.path)}\n`).join(''));
        return out ? parseCatFile(out, requests.length) : requests.map(() => undefined);
      },
    };
  }
  return {
    async commits() {
      return committed();
    },
    noCommitsYet,
    async read(requests: GitFileRequest[]) {
      if (!requests.length) return [];
      // Paths from the journal root: `./` makes git read them relative to the working folder.
      const out = await git(root, ['cat-file', '--batch'], requests.map((r) => `${r.commit}:./${r.path}\n`).join(''));
      return out ? parseCatFile(out, requests.length) : requests.map(() => undefined);
    },
  };

  /** Whether HEAD names no commit: a new repository whose branch has none yet. */
  async function noCommitsYet(): Promise<boolean> {
    return (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])) === undefined && (await git(root, ['symbolic-ref', '--quiet', 'HEAD'])) !== undefined;
  }

  async function committed(): Promise<GitCommit[]> {
    // Every branch merged (`--full-history`: no commit of a side branch is left out), merges
    // against each parent (`-m`), children before parents, newest first by author date; days
    // in this machine's time zone, as the extension reads them from the git extension's dates.
    const out = await git(root, ['log', ...LOG, '--relative', '--', '.']);
    const commits = out ? parseGitLog(out.toString('utf8')) : [];
    // Limited to the root's folder, git sees a file moved in from outside it as added there:
    // its history before the move would be lost. The commits that add files are looked at
    // whole, and only when one moved a file in is the whole repository's history read.
    const prefix = await showPrefix(root);
    const adding = commits.filter((c) => c.parents.length === 1 && c.files.some((f) => f.status === 'A'));
    if (!prefix || !adding.length) return commits;
    const whole = await git(root, ['log', '--no-walk=unsorted', '--stdin', ...RECORD], adding.map((c) => `${c.hash}\n`).join(''));
    const inside = (p: string | undefined) => p !== undefined && p.startsWith(`${prefix}/`);
    const movedIn = whole && parseGitLog(whole.toString('utf8')).some((c) => c.files.some((f) => f.status === 'R' && inside(f.path) && !inside(f.from)));
    if (!movedIn) return commits;
    const all = await git(root, ['log', ...LOG]);
    return all ? rootedHistory(parseGitLog(all.toString('utf8')), prefix) : commits;
  }
}

/** The root's folder in its repository, from the top (`journals/team`); empty at the top. */
async function showPrefix(root: string): Promise<string> {
  return (await git(root, ['rev-parse', '--show-prefix']))?.toString('utf8').replace(/\/?\n?$/, '') ?? '';
}

/** `git diff --cached -M --name-status -z`: each staged rename, from its old path to its new one. */
export function parseStagedRenames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const tokens = text.split('\0');
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i]!.charAt(0);
    if (status === 'R' || status === 'C') {
      if (status === 'R' && tokens[i + 1] && tokens[i + 2]) out.set(tokens[i + 1]!, tokens[i + 2]!);
      i += 3;
    } else i += status ? 2 : 1;
  }
  return out;
}
