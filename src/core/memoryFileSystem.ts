import type { FileSystem } from './types';

/** A file system held in memory, keyed by root-relative path: for tests, fuzzing and benchmarks. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(path, ++this.clock);
  }

  /** Modification "times": a counter that moves on every write. */
  private readonly mtimes = new Map<string, number>();
  private clock = 0;

  async stat(path: string): Promise<{ size: number; mtime: number } | undefined> {
    const bytes = this.files.get(path);
    if (!bytes) throw Object.assign(new Error(`ENOENT: no such file: ${path}`), { code: 'ENOENT' });
    return { size: bytes.byteLength, mtime: this.mtimes.get(path) ?? 0 };
  }

  remove(path: string): void {
    for (const p of [...this.files.keys()]) if (p === path || p.startsWith(`${path}/`)) this.files.delete(p);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  text(path: string): string | undefined {
    const bytes = this.files.get(path);
    return bytes && new TextDecoder().decode(bytes);
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`ENOENT: no such file: ${path}`);
    return bytes;
  }

  async readDirectory(path: string): Promise<Array<[string, 'file' | 'directory' | 'other']>> {
    const prefix = path ? `${path}/` : '';
    const entries = new Map<string, 'file' | 'directory'>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? 'file' : 'directory');
    }
    if (entries.size === 0 && path) throw new Error(`ENOENT: no such folder: ${path}`);
    return [...entries];
  }

  async size(path: string): Promise<number | undefined> {
    return this.files.get(path)?.byteLength;
  }
}
