// The command registry (src/renderer/commands): every action an analyst can take, with its title, keys and
// when it applies, in one place (after VS Code's registerAction2). The one key handler, the key help sheet,
// tooltips and the command palette all read it, so a key and its description can never drift apart.
import { observable } from '../stores/observable';
import { matchesChord, normalChord, parseChord } from './keys';

export interface Command<Context> {
  id: string;
  title: string;
  /** Chords such as "N", "Mod+Z", "Shift+Mod+Z", "Alt+ArrowDown"; the first is the one shown. */
  keys: readonly string[];
  group: string;
  /** Whether it can run now (a disabled button, a greyed palette entry); default: always. */
  when?: (context: Context) => boolean;
  /** Keys that also work while a text field has focus (Escape in the note field, Mod+K). */
  inTextFields?: boolean;
  run: (context: Context) => void;
}

export class CommandRegistry<Context> {
  private readonly commands = new Map<string, Command<Context>>();
  /** Keys the user chose, by command id (preferences.shortcuts); they replace the command's own keys. */
  private overrides = new Map<string, readonly string[]>();
  /** Bumped when commands are added or removed, so lists re-render. */
  readonly version = observable(0);

  /** Applies the user's shortcuts (a Map, so a command id such as "constructor" is just an id). */
  setOverrides(overrides: ReadonlyMap<string, readonly string[]>): void {
    this.overrides = new Map(overrides);
    this.version.update((v) => v + 1);
  }

  /** The keys a command answers to now: the user's choice, else its own. */
  keysOf(id: string): readonly string[] {
    return this.overrides.get(id) ?? this.commands.get(id)?.keys ?? [];
  }

  /** Whether the user changed this command's keys. */
  isCustomised(id: string): boolean {
    return this.overrides.has(id);
  }

  /** Adds commands (replacing any with the same id); returns the function that removes them again. */
  register(commands: readonly Command<Context>[]): () => void {
    for (const command of commands) this.commands.set(command.id, command);
    this.version.update((v) => v + 1);
    return () => {
      for (const command of commands)
        if (this.commands.get(command.id) === command) this.commands.delete(command.id);
      this.version.update((v) => v + 1);
    };
  }

  list(): Command<Context>[] {
    return [...this.commands.values()];
  }

  get(id: string): Command<Context> | undefined {
    return this.commands.get(id);
  }

  canRun(id: string, context: Context): boolean {
    const command = this.commands.get(id);
    return command !== undefined && (command.when?.(context) ?? true);
  }

  run(id: string, context: Context): boolean {
    const command = this.commands.get(id);
    if (command === undefined || !(command.when?.(context) ?? true)) return false;
    command.run(context);
    return true;
  }

  /** Runs the first command bound to this key that can run now; true when one did. */
  handleKey(event: KeyboardEvent, context: Context, inTextField: boolean): boolean {
    for (const command of this.commands.values()) {
      if (inTextField && command.inTextFields !== true) continue;
      if (!this.keysOf(command.id).some((key) => matchesChord(event, parseChord(key)))) continue;
      if (!(command.when?.(context) ?? true)) continue;
      command.run(context);
      return true;
    }
    return false;
  }

  /** Keys bound to more than one command, for the shortcuts settings. */
  conflicts(): { key: string; commands: string[] }[] {
    const byKey = new Map<string, string[]>();
    for (const command of this.commands.values()) {
      for (const key of this.keysOf(command.id)) {
        const normal = normalChord(key);
        byKey.set(normal, [...(byKey.get(normal) ?? []), command.id]);
      }
    }
    return [...byKey].filter(([, ids]) => ids.length > 1).map(([key, commands]) => ({ key, commands }));
  }

  /** The commands other than `id` that already answer to `key` (checked before the user rebinds `id`). */
  conflictsWith(id: string, key: string): Command<Context>[] {
    const wanted = normalChord(key);
    return this.list().filter(
      (command) => command.id !== id && this.keysOf(command.id).some((own) => normalChord(own) === wanted),
    );
  }
}
