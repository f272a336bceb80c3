// `tagwright suggest --workspace <dir> --layer <name> [--docs id,…]` (src/main): the offline suggester's
// proposals written as spans and relations of a named layer (an existing analyst, else a new one, as with
// `import --layer`), so `agreement` can score them against an analyst and `export` can write them out.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultWorkspaceDir } from '../app-paths';
import { openWorkbench } from '../service/open-workbench';
import { callService, listOption, showProgress, taskId, UsageError, type CliCommand } from './cli-support';

export const suggestCommand: CliCommand = {
  name: 'suggest',
  usage: 'suggest --workspace <dir> --layer <name> [--docs id,…]',
  summary: 'Write the offline suggester’s actors, claims and conditions as a layer (to score or export).',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        workspace: { type: 'string', short: 'w' },
        layer: { type: 'string' },
        docs: { type: 'string' },
      },
    });
    if (values.layer === undefined || values.layer.trim() === '')
      throw new UsageError('Name the layer the suggestions go into with --layer <name>.');
    if (values.docs !== undefined && listOption(values.docs).length === 0)
      throw new UsageError('--docs needs document ids, separated by commas.');
    const docs = listOption(values.docs);
    const dir = resolve(values.workspace ?? defaultWorkspaceDir());
    const workbench = await openWorkbench(dir, { owner: 'cli', withSample: false, log: io.err });
    const stopProgress = showProgress(workbench, io);
    try {
      const written = await callService(workbench, 'suggestions:write-layer', {
        layer: values.layer,
        ...(docs.length > 0 ? { documentIds: docs } : {}),
        taskId: taskId(),
      });
      if (written.created !== null) io.out(`new layer ${written.created.name} (id ${written.layer})`);
      for (const doc of written.documents) {
        if (doc.language === 'unsupported')
          io.out(`skipped   ${doc.title}: not in a script the English model covers; nothing suggested`);
        else
          io.out(
            `suggested ${doc.title} → layer ${written.layer}: +${doc.spans} spans, +${doc.relations} relations`,
          );
      }
      for (const skipped of written.skipped) io.err(`skipped   ${skipped.title}: ${skipped.reason}`);
      const spans = written.documents.reduce((sum, d) => sum + d.spans, 0);
      const relations = written.documents.reduce((sum, d) => sum + d.relations, 0);
      io.out(
        `${written.documents.length} documents, ${spans} spans and ${relations} relations added to ${written.layer}`,
      );
      return written.skipped.length > 0 ? 1 : 0;
    } finally {
      stopProgress();
      await workbench.close();
    }
  },
};
