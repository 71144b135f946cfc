/** What a command may touch besides the file system: injected so that commands stay testable. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Today's date, `YYYY-MM-DD`, in local time unless `--today` says otherwise. */
  today(): string;
  /** The current moment, for the calendar's DTSTAMP; `new Date()` when absent. */
  now?(): Date;
  /** The script this process runs (the CLI bundle), to start worker threads from; absent in tests run in-process. */
  entry?: string;
  /** Everything on standard input, for `check --stdin`. */
  readStdin?(): Promise<Uint8Array>;
}
