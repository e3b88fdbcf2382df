/**
 * First run: an empty profile opens on a library holding the bundled sample article, so a new user
 * sees a real Arabic report at once. Runs once per profile (the `seeded` setting), so deleting the
 * sample does not bring it back on the next start.
 */
import type { StoredArticle } from '../storage/articles-repo';
import type { LibraryService } from './library';
import type { SettingsService } from './settings';

export interface SampleSource {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/** Adds the sample when the library is empty and never seeded; resolves whether it added it. */
export async function seedSample(
  library: LibraryService,
  settings: SettingsService,
  sample: SampleSource,
  parse: (bytes: Uint8Array, name: string) => Promise<StoredArticle>,
): Promise<boolean> {
  if (settings.get('seeded') || library.size > 0) {
    if (!settings.get('seeded')) await settings.set('seeded', true);
    return false;
  }
  const article = await parse(await sample.bytes(), sample.name);
  article.meta.source = { kind: 'sample', name: sample.name };
  await library.add([article]);
  await settings.set('seeded', true);
  return true;
}
