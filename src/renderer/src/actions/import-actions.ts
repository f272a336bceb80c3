// Importing documents from the window (src/renderer/actions): the files go to main, and when the analyst ticked
// "Suggest tags on import" (off by default, and only while suggestions are on) the offline suggester is asked
// about the new documents at once, so their suggestions wait for the analyst when they open them.
import type { DocId } from '@shared/model';
import type { AppServices } from '../services/app-services';

export async function importFiles(services: AppServices, files: readonly File[]): Promise<void> {
  const report = await services.workspace.importFiles(files);
  const machine = services.machineSuggestions;
  if (!machine.suggestOnImport.get() || !machine.enabled() || report.imported.length === 0) return;
  const outcome = await machine.run(report.imported.map((d) => d.id as DocId));
  if (!outcome.ok && outcome.error.code !== 'cancelled')
    services.workspace.notify({ kind: 'error', message: outcome.error.message });
  else if (outcome.ok)
    services.announcer.say(
      `Suggested ${outcome.value.suggestions} tags in the ${outcome.value.documents} imported documents.`,
    );
}
