// The parts of the workbench that its first frame does not need (src/renderer/components), loaded by dynamic
// import so the bundle the page parses before it can list documents holds neither the editor (ProseMirror and
// its plugins) nor the side panel, search and dialogs: each comes in its own chunk when it is first drawn.
import { lazy, type ComponentType } from 'react';

/** A lazily loaded named export (React.lazy wants a default export). */
function part<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

export const DocumentPane = part(async () => (await import('./DocumentPane')).DocumentPane);
export const SidePanel = part(async () => (await import('./SidePanel')).SidePanel);
export const SearchPanel = part(async () => (await import('./SearchPanel')).SearchPanel);
export const ExportDialog = part(async () => (await import('./ExportDialog')).ExportDialog);
export const ImportAnnotationsDialog = part(
  async () => (await import('./ImportAnnotationsDialog')).ImportAnnotationsDialog,
);
export const ClaimsDialog = part(async () => (await import('./ClaimsDialog')).ClaimsDialog);
export const ActorsDialog = part(async () => (await import('./ActorsDialog')).ActorsDialog);
export const SchemaEditor = part(async () => (await import('./SchemaEditor')).SchemaEditor);
export const LinkPicker = part(async () => (await import('./LinkPicker')).LinkPicker);
export const AttributePicker = part(async () => (await import('./AttributePicker')).AttributePicker);
export const AcceptSuggestionsDialog = part(
  async () => (await import('./AcceptSuggestionsDialog')).AcceptSuggestionsDialog,
);
export const AgreementDialog = part(async () => (await import('./AgreementDialog')).AgreementDialog);
export const CommandPalette = part(async () => (await import('./CommandPalette')).CommandPalette);
export const ShortcutsSheet = part(async () => (await import('./ShortcutsSheet')).ShortcutsSheet);
export const SettingsDialog = part(async () => (await import('./SettingsDialog')).SettingsDialog);
export const TrashDialog = part(async () => (await import('./TrashDialog')).TrashDialog);
export const DocumentDetailsDialog = part(
  async () => (await import('./DocumentDetailsDialog')).DocumentDetailsDialog,
);
