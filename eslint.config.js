// Lint = the import rules of docs/ARCHITECTURE.md ("Who may import whom") made to fail the build.
// Each message names the fix and points at that section. core/ is also compiled without DOM or Node types
// (renderer/core/tsconfig.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'zlib',
  'stream',
  'url',
  'http',
  'https',
  'worker_threads',
];
const nodeBuiltins = {
  group: NODE,
  message:
    'renderer/ code runs in a browser sandbox: reach the OS through the Platform interface (renderer/platform/platform.ts).',
};
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/ imports electron; the renderer uses the Platform interface.',
};
const dexie = (where) => ({
  group: ['dexie', 'dexie/*'],
  message: `${where} must not import dexie: only renderer/storage/ touches the database; go through a service.`,
});
const dir = (names, message) => ({ group: names.flatMap((n) => [`**/${n}`, `**/${n}/*`, `**/${n}/**`]), message });

/** Every import-rule message ends by pointing at the rule's home in the repository. */
const SEE = ' See "Who may import whom" in docs/ARCHITECTURE.md.';
const zone = (files, patterns, extra = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, message: p.message + SEE })) }],
    ...extra,
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  zone(
    ['renderer/core/**/*.ts'],
    [
      dexie('renderer/core/'),
      electron,
      nodeBuiltins,
      {
        group: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
        message: 'renderer/core/ is pure logic: UI libraries belong in renderer/ui/.',
      },
      dir(
        ['storage', 'services', 'ui', 'platform', 'workers'],
        'renderer/core/ may import only other core/ modules and pure libraries: move the code into core/ or invert the dependency.',
      ),
    ],
    {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'HTMLElement',
          'DOMParser',
          'Worker',
          'fetch',
          'process',
          'require',
          'Buffer',
        ].map((name) => ({
          name,
          message: `renderer/core/ runs in Node and in workers: pass ${name} in from a service instead of using the global.`,
        })),
      ],
    },
  ),
  zone(
    ['renderer/storage/**/*.ts'],
    [
      electron,
      nodeBuiltins,
      dir(
        ['ui', 'services', 'platform'],
        'renderer/storage/ may import only core/ and dexie: services call storage, not the reverse.',
      ),
    ],
  ),
  zone(
    ['renderer/platform/**/*.ts'],
    [
      dexie('renderer/platform/'),
      { regex: '^electron(/|$)', message: electron.message },
      nodeBuiltins,
      dir(
        ['storage', 'services', 'ui'],
        'renderer/platform/ may import only core/ types and the bridge contract (type-only).',
      ),
    ],
    {
      // The bridge contract may be imported, but type-only: its values belong to the Electron side.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/ipc/contract'],
              allowTypeImports: true,
              message: `renderer/platform/ may import the bridge contract type-only: \`import type { … }\`.${SEE}`,
            },
          ],
        },
      ],
    },
  ),
  zone(
    ['renderer/services/**/*.ts'],
    [
      dexie('renderer/services/ (use a repository in storage/)'),
      electron,
      nodeBuiltins,
      dir(['ui'], 'renderer/services/ must not import ui/: emit events or return values instead.'),
      dir(
        ['workers'],
        'renderer/services/ must not import workers/: keep the message types in services/ (a worker imports them, not the reverse).',
      ),
      {
        group: ['**/platform/electron-platform', '**/platform/browser-platform'],
        message: 'Services get a Platform handed in; only renderer/main.ts picks the implementation.',
      },
    ],
  ),
  zone(
    ['renderer/ui/**/*.ts'],
    [
      dexie('renderer/ui/'),
      electron,
      nodeBuiltins,
      dir(['storage'], 'renderer/ui/ must not import storage/: ask a service (handed in through @lit/context).'),
      {
        group: ['**/platform/electron-platform', '**/platform/browser-platform'],
        message: 'renderer/ui/ must not import a Platform implementation: use the service that wraps it.',
      },
    ],
  ),
  zone(
    ['renderer/workers/**/*.ts'],
    [electron, nodeBuiltins, dir(['ui'], 'A worker has no DOM: it may import core/ and storage/, never ui/.')],
  ),
  zone(
    ['electron/**/*.ts'],
    [
      {
        group: ['**/renderer', '**/renderer/**'],
        message: 'electron/ must not import anything under renderer/: share types through electron/ipc/contract.ts.',
      },
    ],
  ),
  {
    files: ['electron/**/*.ts'],
    rules: {
      // Security rules (our own Electronegativity-like checks; see test/unit/electron/security.test.ts too)
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration must stay off.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation must stay on.',
        },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'sandbox must stay on.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on.' },
        {
          selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]",
          message: 'Insecure content must stay blocked.',
        },
        {
          selector: "Property[key.name='experimentalFeatures'][value.value=true]",
          message: 'Experimental features must stay off.',
        },
        { selector: "Property[key.name='webviewTag'][value.value=true]", message: '<webview> must stay off.' },
        {
          selector: "CallExpression[callee.property.name='loadURL'] > Literal[value=/^(http|file):/]",
          message: 'Load the renderer from the app:// protocol only.',
        },
      ],
    },
  },
);
