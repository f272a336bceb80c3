// The layering table of docs/architecture.md as data, and the ESLint rule that enforces it (build tooling).
// Each area says what it MAY import (an allow-list): other areas by folder, npm packages by name, Node's
// built-ins. Anything else is an error, whatever the import looks like (relative path, '@shared/...' alias,
// dynamic import, re-export). ESLint's inline disable comments are switched off for src/, so it cannot be
// bypassed; src/layering.test.ts proves every forbidden pair fails.
import { builtinModules } from 'node:module';
import { dirname, posix, relative, resolve } from 'node:path';

/** Node's built-in modules, with and without the `node:` prefix. */
export const NODE = '<node built-ins>';

const renderer = (folder) => `src/renderer/src/${folder}`;

/**
 * Areas from the most specific to the least: a file belongs to the first area whose path it is, or is under.
 * `areas` lists folders (or files) it may import from; its own area is always allowed.
 */
export const layers = [
  {
    area: 'src/main/electron',
    holds: 'hardened window settings and Electron security',
    areas: ['src/main', 'src/shared'],
    packages: ['electron', NODE],
  },
  {
    area: 'src/main/index.ts',
    holds: 'the Electron entry',
    areas: ['src/main', 'src/shared'],
    packages: ['electron', NODE],
  },
  {
    area: 'src/main/ipc.ts',
    holds: 'the IPC binding',
    areas: ['src/main', 'src/shared'],
    packages: ['electron', NODE],
  },
  {
    area: 'src/main',
    holds: 'the service, the store, the HTTP host, the CLI, workers',
    areas: ['src/shared'],
    packages: [NODE, 'zod', 'lowdb', 'proper-lockfile', 'env-paths', 'fflate', 'ulid'],
  },
  {
    area: 'src/preload',
    holds: 'window.tagwright built from the method names',
    areas: ['src/shared/api/methods.ts', 'src/shared/api/workbench-events.ts'],
    packages: ['electron'],
  },
  {
    area: 'src/shared',
    holds: 'model, operations, text and offsets, formats, agreement, suggestions, the contract',
    areas: [],
    packages: [
      'zod',
      'fflate',
      'htmlparser2',
      'markdown-it',
      'papaparse',
      'jsonc-parser',
      'approx-string-match',
      'compromise',
      'wink-nlp',
      'wink-eng-lite-web-model',
    ],
  },
  {
    area: renderer('api'),
    holds: 'the only code that touches the bridge',
    areas: ['src/shared'],
    packages: [],
    bridge: true,
  },
  {
    area: renderer('editor'),
    holds: 'ProseMirror schema, per-layer annotation plugins, editor commands',
    areas: ['src/shared'],
    packages: ['prosemirror-state', 'prosemirror-view', 'prosemirror-model'],
  },
  {
    area: renderer('stores'),
    holds: 'workspace store, document sessions, save queues, undo history',
    areas: [renderer('api'), 'src/shared'],
    packages: [],
  },
  {
    area: renderer('actions'),
    holds: 'glue between the editor and the sessions',
    areas: [renderer('editor'), renderer('stores'), renderer('services'), 'src/shared'],
    packages: [],
  },
  {
    area: renderer('commands'),
    holds: "the command registry, the workbench commands and the palette's matching",
    areas: [renderer('actions'), renderer('editor'), renderer('stores'), renderer('services'), 'src/shared'],
    packages: ['fuzzysort'],
  },
  {
    area: renderer('services'),
    holds: 'the composition root: creates the stores and the registry',
    areas: [renderer('api'), renderer('stores'), renderer('commands'), renderer('editor'), 'src/shared'],
    packages: [],
  },
  {
    area: renderer('hooks'),
    holds: 'React hooks over the stores and services',
    areas: [
      renderer('stores'),
      renderer('services'),
      renderer('commands'),
      renderer('actions'),
      'src/shared',
    ],
    packages: ['react'],
  },
  {
    area: renderer('components'),
    holds: 'React components (never the api)',
    areas: [
      renderer('hooks'),
      renderer('stores'),
      renderer('services'),
      renderer('commands'),
      renderer('actions'),
      renderer('editor'),
      'src/shared',
    ],
    packages: ['react', '@tanstack/react-virtual'],
  },
  {
    area: 'src/renderer/src',
    holds: 'the entry (main.tsx, zod-setup.ts) and the shell (App.tsx)',
    areas: ['src/renderer/src', 'src/shared'],
    packages: ['react', 'react-dom', 'prosemirror-view', 'zod'],
  },
];

/** Packages test files may use besides their area's own (tests are not shipped). */
export const testPackages = ['vitest', 'fast-check', 'eslint', 'prosemirror-model', NODE];

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The area a repository-relative path belongs to, or undefined outside every area. */
export function areaOf(path) {
  const bare = path.replace(/\.(ts|tsx|mjs|js)$/, '');
  return layers.find(
    (layer) => bare === layer.area.replace(/\.(ts|tsx)$/, '') || path.startsWith(`${layer.area}/`),
  );
}

function packageOf(source) {
  if (builtins.has(source) || source.startsWith('node:')) return NODE;
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What an import resolves to: a repository path, or a package name. */
export function resolveImport(fromFile, source) {
  if (source.startsWith('@shared/'))
    return { path: posix.join('src/shared', source.slice('@shared/'.length)) };
  if (source.startsWith('.')) {
    const absolute = resolve(dirname(resolve(root, fromFile)), source);
    return { path: relative(root, absolute).split('\\').join('/') };
  }
  return { package: packageOf(source.split('?')[0]) };
}

/** Why `fromFile` may not import `source`, or null when the table allows it. */
export function layeringProblem(fromFile, source) {
  const from = areaOf(fromFile);
  if (from === undefined) return null;
  const isTest = /\.test\.tsx?$/.test(fromFile) || fromFile.includes('/test-support/');
  const target = resolveImport(fromFile, source);
  if (target.package !== undefined) {
    const allowed = [...from.packages, ...(isTest ? testPackages : [])];
    const css = source.endsWith('.css');
    if (allowed.includes(target.package) || (css && from.packages.includes(target.package))) return null;
    const what = target.package === NODE ? `Node's "${source}"` : `the package "${target.package}"`;
    return `${from.area} may not import ${what} (it may import: ${describeAllowed(from)}).`;
  }
  const to = areaOf(target.path);
  // Tests may use the shared test helpers of their process (e.g. src/renderer/src/test-support/).
  if (isTest && target.path.includes('/test-support/')) return null;
  if (to === from || (to === undefined && !target.path.startsWith('src/'))) return null;
  const strip = (path) => path.replace(/\.(ts|tsx|mjs|js)$/, '');
  const ok = from.areas.some(
    (allowed) => strip(target.path) === strip(allowed) || target.path.startsWith(`${allowed}/`),
  );
  if (ok) return null;
  return `${from.area} may not import ${target.path} (${to?.area ?? 'outside every area'}); it may import: ${describeAllowed(from)}.`;
}

function describeAllowed(layer) {
  const names = [...layer.areas, ...layer.packages];
  return names.length === 0 ? 'nothing outside itself' : names.join(', ');
}

/** The ESLint plugin with the one rule. */
export const layeringPlugin = {
  rules: {
    layering: {
      meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the layering table.' } },
      create(context) {
        const file = relative(root, context.filename).split('\\').join('/');
        const check = (node, source) => {
          if (typeof source !== 'string') return;
          const problem = layeringProblem(file, source);
          if (problem !== null) context.report({ node, message: problem });
        };
        const from = areaOf(file);
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
          MemberExpression(node) {
            const bridge =
              node.object.type === 'Identifier' &&
              (node.object.name === 'window' || node.object.name === 'globalThis') &&
              ((node.property.type === 'Identifier' && node.property.name === 'tagwright') ||
                (node.property.type === 'Literal' && node.property.value === 'tagwright'));
            if (bridge && from?.bridge !== true) {
              context.report({
                node,
                message: 'Only src/renderer/src/api touches the bridge (window.tagwright).',
              });
            }
          },
        };
      },
    },
  },
};

/** The table as it stands in docs/architecture.md (src/layering.test.ts checks the two are the same). */
export function layeringMarkdown() {
  const rows = layers.map((layer) => {
    const may = [
      ...layer.areas.map((a) => `\`${a}\``),
      ...layer.packages.map((p) => (p === NODE ? 'Node built-ins' : p)),
    ];
    const extra = layer.bridge ? ' (and `window.tagwright`)' : '';
    return `| \`${layer.area}\` | ${layer.holds} | itself${may.length > 0 ? ', ' : ''}${may.join(', ')}${extra} |`;
  });
  return ['| area | holds | may import |', '| --- | --- | --- |', ...rows].join('\n');
}

if (process.argv[1] === new URL(import.meta.url).pathname) console.log(layeringMarkdown());
