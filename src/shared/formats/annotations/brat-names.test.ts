import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bratCodec } from './brat';
import type { InputFile } from './bundle';
import { failureOf, parsedOrThrow } from './test-support/round-trip';

const FIXTURES = join(__dirname, 'fixtures', 'brat-names');

/** A brat package of fixture files, each read under the name the package gives it. */
function pack(files: Record<string, string>): InputFile[] {
  return Object.entries(files).map(([name, fixture]) => ({
    name,
    text: readFileSync(join(FIXTURES, fixture), 'utf8'),
    hadBom: false,
  }));
}

const pair = { 'ana/doc.txt': 'doc.txt', 'ana/doc.ann': 'doc.ann' };

describe('brat names that become ids', () => {
  it('reads a relation type of annotation.conf whose ends are <ENTITY> as allowing every entity type', () => {
    const parsed = parsedOrThrow(bratCodec.parse(pack({ ...pair, 'annotation.conf': 'annotation.conf' })));
    expect(parsed.schema?.relationTypes).toEqual([
      { id: 'met', name: 'met', from: ['actor'], to: ['actor'] },
      { id: 'near', name: 'near', from: ['actor', 'place'], to: ['place'] },
    ]);
  });

  it('refuses an annotation.conf relation type that cannot be an id, naming the file, line and name', () => {
    const failure = failureOf(
      bratCodec.parse(pack({ ...pair, 'annotation.conf': 'relation-not-an-id.conf' })),
    );
    expect(failure).toMatchObject({ file: 'annotation.conf', line: 6 });
    expect(failure.message).toContain('the relation type "Located.in" is not an id');
  });

  it('refuses an annotation.conf entity type that cannot be an id, naming the file, line and name', () => {
    const failure = failureOf(bratCodec.parse(pack({ ...pair, 'annotation.conf': 'entity-not-an-id.conf' })));
    expect(failure).toMatchObject({ file: 'annotation.conf', line: 3 });
    expect(failure.message).toContain('the entity type "Per.Name" is not an id');
  });

  it('refuses an .ann relation line whose type cannot be an id, naming the .ann file and its line', () => {
    const failure = failureOf(
      bratCodec.parse(pack({ 'ana/doc.txt': 'doc.txt', 'ana/doc.ann': 'relation-not-an-id.ann' })),
    );
    expect(failure).toMatchObject({ file: 'ana/doc.ann', line: 3 });
    expect(failure.message).toContain('the relation type "met:with" is not an id');
  });

  it('refuses an .ann label that cannot be an id at its own line, as annotation.conf names are', () => {
    const files = pack(pair).map((file) =>
      file.name.endsWith('.ann')
        ? { ...file, text: file.text.replace('T2\tactor', 'T2\tNamed.Actor') }
        : file,
    );
    const failure = failureOf(bratCodec.parse(files));
    expect(failure).toMatchObject({ file: 'ana/doc.ann', line: 2 });
    expect(failure.message).toContain('the label "Named.Actor" is not an id');
  });
});
