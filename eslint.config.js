// Lint rules, including the layering table of docs/architecture.md: a wrong import between layers fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'zlib',
  'buffer',
  'process',
];
const nodeImportBans = [
  { group: ['node:*'], message: 'Node APIs belong in src/main.' },
  ...nodeBuiltins.map((name) => ({ group: [name, `${name}/*`], message: 'Node APIs belong in src/main.' })),
];
const rendererPaths = [
  { name: 'electron', message: 'The renderer is untrusted: no Electron.' },
  { name: 'lowdb', message: 'Persistence lives in src/main.' },
];
const layerBan = (layers, message) => ({ group: layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]), message });
/** Folders inside the renderer, matched on relative imports only (so '@shared/api' is not 'api'). */
const rendererFolderBan = (folders, message) => ({
  regex: `^\\.{1,2}/(.*/)?(${folders.join('|')})(/|$)`,
  message,
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '*.config.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is pure: no Electron.' },
            { name: 'react', message: 'src/shared is pure: no UI.' },
            { name: 'lowdb', message: 'Persistence lives in src/main.' },
          ],
          patterns: [
            ...nodeImportBans,
            layerBan(['main', 'renderer', 'preload'], 'src/shared imports no other src folder.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/ipc.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/index.ts, ipc.ts and src/main/electron/ import electron.',
            },
          ],
          patterns: [layerBan(['renderer', 'preload'], 'Main never imports renderer or preload code.')],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImportBans,
            layerBan(['main', 'renderer'], 'Preload only builds the bridge from the contract.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...nodeImportBans,
            layerBan(['main', 'preload'], 'The renderer talks to main only through src/renderer/src/api.'),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'tagwright', message: 'Only src/renderer/src/api touches the bridge.' },
      ],
    },
  },
  {
    files: ['src/renderer/src/api/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/renderer/src/editor/**/*.ts'],
    ignores: ['src/renderer/src/editor/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              message: 'The editor receives annotations through transaction metadata, not React.',
            },
          ],
          patterns: [
            ...nodeImportBans,
            rendererFolderBan(
              ['stores', 'components', 'api'],
              'The editor does not import stores, components or the api.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/stores/**/*.ts'],
    ignores: ['src/renderer/src/stores/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...nodeImportBans,
            rendererFolderBan(['editor', 'components'], 'Stores do not import the editor or components.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/src/components/**/*.tsx', 'src/renderer/src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...nodeImportBans,
            rendererFolderBan(['api'], 'Components do not call the api directly; go through a store.'),
          ],
        },
      ],
    },
  },
);
