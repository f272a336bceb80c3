// The command registry: one key handler that runs the first command bound to a key that can run now, keys
// typed in text fields reaching only the commands that ask for them, and conflicts listed.
import { describe, expect, it, vi } from 'vitest';
import { chordOf, normalChord } from './keys';
import { CommandRegistry } from './registry';

/** A keydown as the registry reads it (the unit tests run without a DOM). */
const key = (init: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('the command registry', () => {
  it('runs the command bound to a key only when it can run now', () => {
    const registry = new CommandRegistry<{ enabled: boolean }>();
    const run = vi.fn();
    registry.register([
      { id: 'span.next', title: 'Next', keys: ['N'], group: 'Spans', when: (c) => c.enabled, run },
    ]);
    expect(registry.handleKey(key({ key: 'n', code: 'KeyN' }), { enabled: false }, false)).toBe(false);
    expect(registry.handleKey(key({ key: 'n', code: 'KeyN' }), { enabled: true }, false)).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('matches letters and digits by physical key, so Alt+1 on a Mac still means 1', () => {
    const registry = new CommandRegistry<null>();
    const run = vi.fn();
    registry.register([{ id: 'tag-exact.claim', title: 'Tag', keys: ['Alt+1'], group: 'Tagging', run }]);
    registry.handleKey(key({ key: '¡', code: 'Digit1', altKey: true }), null, false);
    expect(run).toHaveBeenCalled();
  });

  it('tells Mod+Z from Shift+Mod+Z', () => {
    const registry = new CommandRegistry<null>();
    const undo = vi.fn();
    const redo = vi.fn();
    registry.register([
      { id: 'undo', title: 'Undo', keys: ['Mod+Z'], group: 'Editing', run: undo },
      { id: 'redo', title: 'Redo', keys: ['Shift+Mod+Z'], group: 'Editing', run: redo },
    ]);
    registry.handleKey(key({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true }), null, false);
    expect([undo.mock.calls.length, redo.mock.calls.length]).toEqual([0, 1]);
  });

  it('leaves keys typed in a text field alone unless the command asks for them', () => {
    const registry = new CommandRegistry<null>();
    const tag = vi.fn();
    const next = vi.fn();
    registry.register([
      { id: 'tag', title: 'Tag', keys: ['1'], group: 'Tagging', run: tag },
      {
        id: 'doc.next',
        title: 'Next document',
        keys: ['Alt+ArrowDown'],
        group: 'Documents',
        inTextFields: true,
        run: next,
      },
    ]);
    registry.handleKey(key({ key: '1', code: 'Digit1' }), null, true);
    registry.handleKey(key({ key: 'ArrowDown', code: 'ArrowDown', altKey: true }), null, true);
    expect([tag.mock.calls.length, next.mock.calls.length]).toEqual([0, 1]);
  });

  it('lists keys bound to two commands', () => {
    const registry = new CommandRegistry<null>();
    registry.register([
      { id: 'a', title: 'A', keys: ['N'], group: 'x', run: () => {} },
      { id: 'b', title: 'B', keys: ['n'], group: 'x', run: () => {} },
    ]);
    expect(registry.conflicts()).toEqual([{ key: 'n', commands: ['a', 'b'] }]);
  });

  it('answers to the keys the analyst chose instead of the command’s own, for any command id', () => {
    const registry = new CommandRegistry<null>();
    const run = vi.fn();
    registry.register([{ id: 'constructor', title: 'Odd id', keys: ['Mod+E'], group: 'x', run }]);
    registry.setOverrides(new Map([['constructor', ['Shift+Alt+X']]]));
    expect(registry.handleKey(key({ key: 'e', code: 'KeyE', ctrlKey: true }), null, false)).toBe(false);
    registry.handleKey(key({ key: 'X', code: 'KeyX', altKey: true, shiftKey: true }), null, false);
    expect(run).toHaveBeenCalledTimes(1);
    expect(registry.isCustomised('constructor')).toBe(true);
    expect(registry.keysOf('toString')).toEqual([]);
  });

  it('names the command that already answers to a chord the analyst wants to give another', () => {
    const registry = new CommandRegistry<null>();
    registry.register([
      { id: 'export', title: 'Export…', keys: ['Mod+E'], group: 'x', run: () => {} },
      { id: 'find', title: 'Find', keys: ['Mod+F'], group: 'x', run: () => {} },
    ]);
    expect(registry.conflictsWith('find', 'Mod+e').map((c) => c.title)).toEqual(['Export…']);
    expect(registry.conflictsWith('export', 'Mod+E')).toEqual([]);
  });

  it('records a key press as a chord in the registry’s own syntax', () => {
    expect(chordOf(key({ key: 'k', code: 'KeyK', ctrlKey: true, shiftKey: true }))).toBe('Shift+Mod+K');
    expect(chordOf(key({ key: '+', code: 'Equal', ctrlKey: true, shiftKey: true }))).toBe('Mod+Plus');
    expect(chordOf(key({ key: 'Shift', code: 'ShiftLeft', shiftKey: true }))).toBeNull();
    expect(normalChord('Shift+Mod+K')).toBe(normalChord('Mod+Shift+k'));
  });
});
