// Settings of this machine's user, kept outside any workspace (shared layer, pure): who the analyst is in each
// workspace they opened (so a workspace copied to a colleague asks their name instead of writing into someone
// else's layer), their name, and how they like to work. Stored by main in the user's config folder.
import { z } from 'zod';
import { annotatorIdSchema } from './ids';

export const themes = ['light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof themes)[number];

export const workspaceIdentitySchema = z.object({
  /** The workspace folder's absolute path. */
  path: z.string().min(1).max(4096),
  /** Which analyst of that workspace this user is. */
  annotatorId: annotatorIdSchema,
  lastOpened: z.string().datetime({ offset: true }),
});

export const preferencesSchema = z.object({
  version: z.literal(1).default(1),
  /** The name this user gave last; offered when a workspace asks who they are. */
  analystName: z.string().min(1).max(80).nullable().default(null),
  /** Newest first; the first few are "open recent". */
  workspaces: z.array(workspaceIdentitySchema).max(100).default([]),
  theme: z.enum(themes).default('light'),
  /** Text size of the document, as a factor of the default. */
  textScale: z.number().min(0.7).max(2.5).default(1),
  /** Selections widen to whole words (Alt keeps the exact selection either way). */
  wordSnapping: z.boolean().default(true),
  exportFormat: z.string().max(40).default('native'),
  exportLayers: z.enum(['mine', 'all']).default('mine'),
  /** Machine suggestions may be offered at all. */
  suggestions: z.boolean().default(true),
  /** Key chords chosen by the user, by command id (replacing the command's own keys). */
  shortcuts: z.record(z.string().max(80), z.array(z.string().max(40)).max(4)).default({}),
});

export type Preferences = z.infer<typeof preferencesSchema>;
export type WorkspaceIdentity = z.infer<typeof workspaceIdentitySchema>;

export function defaultPreferences(): Preferences {
  return preferencesSchema.parse({});
}
