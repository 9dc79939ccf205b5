/**
 * A folder (or a single file) on the server as a source: Markdown, text, HTML, PDF and DOCX files in any
 * sub-folder. A file's revision is the hash of its bytes (remembered per size and modification time, so
 * an unchanged file is not hashed again). Symbolic links and hidden entries are skipped, so a source never
 * reads outside its folder. Citations show the path from the folder's own name (`team-docs/cases/acme.md`).
 */
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { CoachError } from '../errors.ts';
import { isDocumentFile, mb, readDocument } from './readers/read-document.ts';
import type { DocRef, DocumentProvider, ParsedDoc, SyncProblem, TeamSource } from './types.ts';

/** Options of {@link createFolderProvider}. */
export interface FolderProviderOptions {
  /** Where relative paths typed by a user are resolved; default the process's working directory. */
  cwd?: string;
}

/** URLs belong to other providers. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Folders never worth walking. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** The folder provider (`kind: folder`). */
export function createFolderProvider(opts: FolderProviderOptions = {}): DocumentProvider {
  const hashes = new Map<string, { size: number; mtimeMs: number; hash: string }>();

  async function revisionOf(path: string, size: number, mtimeMs: number): Promise<string> {
    const known = hashes.get(path);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.hash;
    const hash = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
      .slice(0, 32);
    hashes.set(path, { size, mtimeMs, hash });
    return hash;
  }

  return {
    kind: 'folder',
    accepts: 'a folder or file on the server (Markdown, text, HTML, PDF, DOCX)',
    fromChat: false,

    recognise(location) {
      if (URL_LIKE.test(location.trim())) return undefined;
      const path = resolve(opts.cwd ?? process.cwd(), location.trim());
      return { location: path, title: basename(path) };
    },

    async list(source, ctx) {
      const root = source.location;
      const info = await stat(root).catch((err: NodeJS.ErrnoException) => {
        throw new CoachError(
          'input_invalid',
          `cannot open ${root}: ${err.code === 'ENOENT' ? 'it does not exist' : err.code}`,
        );
      });
      const problems: SyncProblem[] = [];
      const docs: DocRef[] = [];
      const base = basename(root);
      const add = async (path: string, size: number, mtimeMs: number) => {
        const key = info.isDirectory() ? relative(root, path).split(sep).join('/') : basename(path);
        const link = info.isDirectory() ? `${base}/${key}` : base;
        if (size > ctx.limits.fileBytes) {
          problems.push({
            file: link,
            reason: `refused: ${mb(size)} is over the ${mb(ctx.limits.fileBytes)} limit per file`,
          });
          return;
        }
        try {
          const revision = await revisionOf(path, size, mtimeMs);
          docs.push({ key, title: basename(path, extname(path)), link, revision, bytes: size });
        } catch (err) {
          problems.push({
            file: link,
            reason: `cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
          });
        }
      };
      if (info.isFile()) {
        if (!isDocumentFile(root))
          throw new CoachError('input_invalid', `unsupported file type "${extname(root)}"`);
        await add(root, info.size, info.mtimeMs);
        return { docs, problems };
      }
      if (!info.isDirectory())
        throw new CoachError('input_invalid', `${root} is neither a folder nor a file`);
      const pending = [root];
      while (pending.length > 0) {
        const dir = pending.pop() as string;
        let names: string[];
        try {
          names = (await readdir(dir)).sort();
        } catch (err) {
          problems.push({
            file: `${base}/${relative(root, dir)}`,
            reason: `folder cannot be read: ${(err as NodeJS.ErrnoException).code}`,
          });
          continue;
        }
        for (const name of names) {
          if (name.startsWith('.')) continue;
          const path = join(dir, name);
          const entry = await lstat(path).catch(() => undefined);
          if (!entry || entry.isSymbolicLink()) continue;
          if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(name)) pending.push(path);
          } else if (entry.isFile() && isDocumentFile(name)) {
            if (docs.length >= ctx.limits.documents) {
              problems.push({
                file: `${base}/`,
                reason: `more than ${ctx.limits.documents} documents: the rest were not read`,
              });
              return { docs, problems };
            }
            await add(path, entry.size, entry.mtimeMs);
          }
        }
      }
      return { docs, problems };
    },

    async read(source: TeamSource, doc: DocRef, ctx): Promise<ParsedDoc> {
      const single = (await stat(source.location).catch(() => undefined))?.isFile() ?? false;
      const path = single ? source.location : join(source.location, ...doc.key.split('/'));
      const data = await readFile(path).catch((err: NodeJS.ErrnoException) => {
        throw new CoachError('input_invalid', `cannot be read: ${err.code ?? err.message}`);
      });
      const parsed = await readDocument(path, data, ctx.limits);
      return { title: parsed.title ?? doc.title, blocks: parsed.blocks, bytes: data.length };
    },
  };
}
