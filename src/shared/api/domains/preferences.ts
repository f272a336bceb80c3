// Contract methods for this user's preferences (shared layer): read them, and change the settings a window
// may change. Which analyst the user is in each workspace is not among them: main records that itself when
// they say who they are, so a window can never make a user write into another analyst's layer.
import { z } from 'zod';
import { annotationFormats } from '../../formats/annotations/bundle';
import { themes, type Preferences } from '../../model';
import { method } from '../define';

/** A key chord as the command registry writes it: modifiers in a fixed order, then one key name. */
export const chordSchema = z
  .string()
  .regex(
    /^(Shift\+)?(Mod\+)?(Alt\+)?([!-~]|Plus|F\d{1,2}|Arrow(Up|Down|Left|Right)|Enter|Escape|Delete|Backspace|Tab|Home|End|PageUp|PageDown|Space)$/,
    'must be a key chord such as "Mod+K", "Shift+Alt+ArrowDown" or "?"',
  );

export const preferencesChangeSchema = z
  .object({
    theme: z.enum(themes),
    textScale: z.number().min(0.7).max(2.5),
    wordSnapping: z.boolean(),
    exportFormat: z.enum(annotationFormats),
    exportLayers: z.enum(['mine', 'all']),
    suggestions: z.boolean(),
    /** Chords by command id; a command with no entry keeps its own keys. */
    shortcuts: z.record(z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/), z.array(chordSchema).max(4)),
  })
  .partial()
  .strict();

export type PreferencesChange = z.infer<typeof preferencesChangeSchema>;

export const preferencesMethods = {
  'preferences:get': method(z.object({}).strict()).returns<Preferences>(),
  'preferences:set': method(preferencesChangeSchema).returns<Preferences>(),
};
