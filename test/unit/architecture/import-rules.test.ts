/**
 * The layering rules of ARCHITECTURE.md are kept by tools, and these tests prove the tools bite:
 * a forbidden import in each zone fails lint, and a DOM global in core/ fails type-checking.
 */
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function lintMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const forbidden: [string, string, RegExp][] = [
  ['renderer/core/search/x.ts', "import Dexie from 'dexie';", /only renderer\/storage\/ touches the database/],
  ['renderer/core/x.ts', "import { html } from 'lit';", /UI libraries belong in renderer\/ui/],
  ['renderer/core/x.ts', "import { readFile } from 'node:fs';", /Platform interface/],
  ['renderer/core/x.ts', "import { LibraryService } from '../services/library';", /core\/ may import only other core/],
  ['renderer/core/x.ts', 'export const w = document.title;', /runs in Node and in workers/],
  ['renderer/ui/library/x.ts', "import Dexie from 'dexie';", /renderer\/ui\/ must not import dexie/],
  ['renderer/ui/library/x.ts', "import { ArticlesRepo } from '../../storage/articles-repo';", /ask a service/],
  [
    'renderer/ui/x.ts',
    "import { BrowserPlatform } from '../platform/browser-platform';",
    /must not import a Platform implementation/,
  ],
  ['renderer/services/x.ts', "import { LibraryView } from '../ui/library/library-view';", /must not import ui/],
  ['renderer/services/x.ts', "import type { X } from '../workers/search-host';", /must not import workers/],
  ['renderer/storage/x.ts', "import { Notifier } from '../services/notifier';", /services call storage/],
  [
    'electron/x.ts',
    "import { WarraqDb } from '../renderer/storage/db';",
    /electron\/ must not import anything under renderer/,
  ],
  ['renderer/ui/x.ts', "import { ipcRenderer } from 'electron';", /Only electron\/ imports electron/],
];

describe('import rules fail the build', () => {
  it.each(forbidden)('%s: %s', async (file, code, message) => {
    const messages = await lintMessages(code, file);
    expect(messages.join('\n')).toMatch(message);
  });

  it('allowed imports pass', async () => {
    expect(
      await lintMessages(
        "import type { Article } from '../model';\nexport type A = Article;",
        'renderer/core/search/ok.ts',
      ),
    ).toEqual([]);
    expect(await lintMessages("import Dexie from 'dexie';\nexport const D = Dexie;", 'renderer/storage/ok.ts')).toEqual(
      [],
    );
  });
});

describe('core/ compiles without DOM or Node types', () => {
  const configPath = join(root, 'renderer', 'core', 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    join(root, 'renderer', 'core'),
  );

  function diagnosticsFor(source: string): string[] {
    const file = join(root, 'renderer', 'core', '__probe__.ts');
    const host = ts.createCompilerHost(parsed.options);
    const read = host.readFile.bind(host);
    host.readFile = (f) => (f === file ? source : read(f));
    const exists = host.fileExists.bind(host);
    host.fileExists = (f) => f === file || exists(f);
    const getSource = host.getSourceFile.bind(host);
    host.getSourceFile = (f, lang) => (f === file ? ts.createSourceFile(f, source, lang) : getSource(f, lang));
    const program = ts.createProgram([file], parsed.options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('rejects a DOM global', () => {
    expect(diagnosticsFor('export const n = document.body;').join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('rejects a Node global', () => {
    expect(diagnosticsFor('export const n = process.env.HOME;').join('\n')).toMatch(/Cannot find name 'process'/);
  });

  it('accepts plain TypeScript', () => {
    expect(diagnosticsFor('export const n: number = [1, 2].reduce((a, b) => a + b, 0);')).toEqual([]);
  });
});
