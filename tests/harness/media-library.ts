import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

import { approvePost } from './approval';

export type LibraryFile = { id: number; name: string; url: string };

/**
 * Files in the app's media library, as an upload leaves them (the file under `public/uploads`, its
 * row), and approved posts that carry them. `removeAll()` (in `afterAll`) deletes the files written.
 *
 *   const library = mediaLibrary(() => app.strapi);
 *   const image = await library.add(png, { mime: 'image/png', ext: 'png' });
 *   const documentId = await library.postWith([image], { title, body });
 */
export function mediaLibrary(strapi: () => Core.Strapi) {
  const written: string[] = [];
  return {
    async add(data: Buffer, { mime, ext, prefix = 'file' }: { mime: string; ext: string; prefix?: string }) {
      const hash = `${prefix}-${randomBytes(6).toString('hex')}`;
      const name = `${hash}.${ext}`;
      const dir = path.join(strapi().dirs.static.public, 'uploads');
      await mkdir(dir, { recursive: true });
      written.push(path.join(dir, name));
      await writeFile(path.join(dir, name), data);
      const row = await strapi()
        .db.query('plugin::upload.file')
        .create({
          data: {
            name,
            hash,
            ext: `.${ext}`,
            mime,
            size: data.length / 1000,
            url: `/uploads/${name}`,
            provider: 'local',
          },
        });
      return { id: row.id, name, url: row.url } as LibraryFile;
    },

    /** An approved post in French with these files as its media; its documentId. */
    async postWith(files: LibraryFile[], { title, body }: { title: string; body: string }) {
      const post = await strapi()
        .documents('api::post.post' as any)
        .create({ locale: 'fr', data: { title, body, media: files.map((file) => file.id) } as any });
      await approvePost(strapi(), post.documentId);
      return post.documentId as string;
    },

    /** Also what Strapi's public folder got from the tests (a variant cross-post wrote there). */
    alsoRemove(file: string) {
      written.push(file);
    },

    async removeAll() {
      for (const file of written.splice(0)) await rm(file, { force: true });
    },
  };
}
