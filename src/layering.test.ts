// The layering table (scripts/layering.mjs, printed in docs/architecture.md) is enforced by ESLint. These
// cases are generated from the table: every area importing every other area and every package the table
// names is linted, and must fail exactly when the table does not allow it. Disable comments cannot help.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layers, layeringMarkdown, NODE, type Layer } from '../scripts/layering.mjs';

const eslint = new ESLint({ cwd: process.cwd() });

/** A file that belongs to the area (the area itself when it names a file). */
function sampleFile(layer: Layer): string {
  if (/\.tsx?$/.test(layer.area)) return layer.area;
  return layer.area.includes('renderer') ? `${layer.area}/Sample.tsx` : `${layer.area}/sample.ts`;
}

/** A module inside the target area, as a relative import from `from`. */
function relativeImport(from: string, target: Layer): string {
  const file = /\.tsx?$/.test(target.area) ? target.area.replace(/\.tsx?$/, '') : `${target.area}/module`;
  const path = relative(dirname(from), file).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

const strip = (path: string) => path.replace(/\.(ts|tsx|mjs|js)$/, '');
function allowsArea(from: Layer, target: Layer): boolean {
  if (from === target) return true;
  const targetFile = strip(target.area);
  return from.areas.some((a) => targetFile === strip(a) || targetFile.startsWith(`${a}/`));
}

const packages = [
  ...new Set([...layers.flatMap((l) => l.packages), 'react', 'lowdb', 'electron', 'prosemirror-view']),
];
const specifier = (pkg: string) => (pkg === NODE ? 'node:fs' : pkg);

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'tagwright/layering').map((m) => m.message);
}

describe('the layering table', () => {
  it.each(layers.map((layer) => [layer.area, layer] as const))(
    'is enforced for every import from %s',
    async (_area, from) => {
      const file = sampleFile(from);
      const wrong: string[] = [];
      for (const target of layers) {
        if (target === from || sampleFile(target) === file) continue;
        const source = relativeImport(file, target);
        const errors = await layeringErrors(file, `import { x } from '${source}';\nexport const y = x;\n`);
        if ((errors.length === 0) !== allowsArea(from, target))
          wrong.push(`${source}: ${errors.join(' ') || 'allowed'}`);
      }
      for (const pkg of packages) {
        const errors = await layeringErrors(
          file,
          `import { x } from '${specifier(pkg)}';\nexport const y = x;\n`,
        );
        if ((errors.length === 0) !== from.packages.includes(pkg))
          wrong.push(`${pkg}: ${errors.join(' ') || 'allowed'}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it('follows the @shared alias, dynamic imports and re-exports', async () => {
    expect(
      await layeringErrors('src/shared/model/x.ts', "export * from '../../main/service/dispatch';"),
    ).not.toEqual([]);
    expect(
      await layeringErrors('src/renderer/src/editor/x.ts', "export const m = import('../stores/ui-store');"),
    ).not.toEqual([]);
    expect(
      await layeringErrors('src/preload/x.ts', "import { contract } from '@shared/api/contract';"),
    ).not.toEqual([]);
    expect(
      await layeringErrors('src/preload/x.ts', "import { methodNames } from '@shared/api/methods';"),
    ).toEqual([]);
  });

  it('keeps the bridge to src/renderer/src/api', async () => {
    expect(
      await layeringErrors('src/renderer/src/stores/x.ts', 'export const b = window.tagwright;'),
    ).not.toEqual([]);
    expect(await layeringErrors('src/renderer/src/api/x.ts', 'export const b = window.tagwright;')).toEqual(
      [],
    );
  });

  it('cannot be switched off with a disable comment', async () => {
    const code = "// eslint-disable-next-line\nimport { app } from 'electron';\nexport const a = app;\n";
    const [result] = await eslint.lintText(code, { filePath: 'src/shared/model/x.ts' });
    expect(result!.messages.some((m) => m.ruleId === 'tagwright/layering')).toBe(true);
  });

  it('is the table docs/architecture.md shows', () => {
    // Prettier pads the columns; compare cell by cell.
    const normal = (text: string) => text.replace(/ {2,}/g, ' ').replace(/-{3,}/g, '---');
    expect(normal(readFileSync('docs/architecture.md', 'utf8'))).toContain(normal(layeringMarkdown()));
  });
});
