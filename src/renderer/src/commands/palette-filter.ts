// What the command palette lists for what the analyst typed (src/renderer/commands): every command of the
// registry, matched fuzzily on its title and group (fuzzysort, as editors' palettes do: "expo" finds
// "Export…", "nxt doc" finds "Open the next document"), best first; with nothing typed, by group and title.
import fuzzysort from 'fuzzysort';
import type { Command } from './registry';

export interface PaletteEntry<Context> {
  command: Command<Context>;
  /** The title split into plain and matched parts, for highlighting what was typed. */
  parts: { text: string; matched: boolean }[];
}

export function paletteEntries<Context>(
  commands: readonly Command<Context>[],
  typed: string,
): PaletteEntry<Context>[] {
  const plain = (command: Command<Context>) => ({
    command,
    parts: [{ text: command.title, matched: false }],
  });
  if (typed.trim() === '') {
    return [...commands]
      .sort((a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title))
      .map(plain);
  }
  const results = fuzzysort.go(typed, commands, { keys: ['title', 'group'], threshold: 0.3, limit: 0 });
  return results.map((result) => {
    const title = result[0];
    if (title === undefined || title.score <= 0) return plain(result.obj);
    const parts = title
      .highlight((match) => ({ match }))
      .map((piece) =>
        typeof piece === 'string' ? { text: piece, matched: false } : { text: piece.match, matched: true },
      )
      .filter((part) => part.text !== '');
    return { command: result.obj, parts };
  });
}
