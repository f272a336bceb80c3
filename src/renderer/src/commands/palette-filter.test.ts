// The palette's matching: what the analyst typed finds commands fuzzily, best first, with the matched letters
// marked; nothing typed lists every command by group.
import { describe, expect, it } from 'vitest';
import { paletteEntries } from './palette-filter';
import type { Command } from './registry';

const command = (id: string, title: string, group: string): Command<null> => ({
  id,
  title,
  group,
  keys: [],
  run: () => {},
});
const commands = [
  command('export.open', 'Export…', 'Workspace'),
  command('document.next', 'Open the next document', 'Documents'),
  command('edit.undo', 'Undo', 'Editing'),
];

describe('the palette filter', () => {
  it('finds "Export…" first for "expo" and marks the letters that matched', () => {
    const [first] = paletteEntries(commands, 'expo');
    expect(first?.command.id).toBe('export.open');
    expect(
      first?.parts
        .filter((p) => p.matched)
        .map((p) => p.text)
        .join(''),
    ).toBe('Expo');
  });

  it('finds a command by words out of order and leaves out what does not match', () => {
    expect(paletteEntries(commands, 'next doc').map((e) => e.command.id)).toEqual(['document.next']);
    expect(paletteEntries(commands, 'zzz')).toEqual([]);
  });

  it('lists every command by group and title when nothing is typed', () => {
    expect(paletteEntries(commands, ' ').map((e) => e.command.id)).toEqual([
      'document.next',
      'edit.undo',
      'export.open',
    ]);
  });
});
