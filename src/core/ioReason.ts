// Node's file-system errors in plain words, for the engine's problems (file/unreadable) and the
// command line's messages alike. Only reads an error's `code`: nothing here touches a file.

/** The error code of a folder the walk does not enter because it is a symbolic link (the Node file systems' readDirectory). */
export const LINKED_FOLDER = 'ELINKEDFOLDER';

/**
 * The error for listing a folder that is a symbolic link: the walk does not follow it (it could
 * loop, or leave the journal, and git keeps the link, not the files it leads to), and says so, as
 * `file/unreadable` at the folder, rather than pass over what it never looked at.
 */
export function linkedFolderError(folder: string): Error {
  return Object.assign(new Error(`${folder} is a symbolic link to a folder`), { code: LINKED_FOLDER });
}

/** The error code of a file that is a symbolic link to nothing (its target was moved or deleted). */
export const DANGLING_LINK = 'EDANGLINGLINK';

/** The error for reading a file that is a symbolic link to something that is not there: said, not passed over as a file that vanished. */
export function danglingLinkError(file: string): Error {
  return Object.assign(new Error(`${file} is a symbolic link to something that is not there`), { code: DANGLING_LINK });
}

/** The words for the errors of Node's file system people meet, instead of `ENOENT: no such file or directory, open ...`. */
export const IO_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links (a link that leads back to itself)',
  EMFILE: 'too many files open at once',
  EIO: 'the disk could not be read',
  ENAMETOOLONG: 'the name is too long',
  [DANGLING_LINK]: 'it is a symbolic link to a file that is not there (moved or deleted): point the link at the file, or remove it',
  [LINKED_FOLDER]: 'it is a symbolic link to a folder, which the journal does not follow (git keeps the link, not the files it leads to): move the files into the journal',
};

/**
 * Whether an error says the path is not there (any more): Node's ENOENT or ENOTDIR (a folder on
 * its way is a file now), VS Code's FileNotFound, an in-memory file system's "no such file".
 */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound' || code === 'EntryNotFound') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /^ENOENT\b|\(FileNotFound\)|EntryNotFound/.test(message);
}

/** Why a file operation failed, in plain words (`permission denied`); the error's own message for other errors. */
export function ioReason(error: unknown): string {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  // Making the folders of a path fails with EEXIST when one of them is a file.
  if (syscall === 'mkdir' && code === 'EEXIST') return IO_REASONS.ENOTDIR!;
  if (typeof code === 'string' && Object.hasOwn(IO_REASONS, code)) return IO_REASONS[code]!;
  return error instanceof Error ? error.message : String(error);
}
