// Service handlers that move annotations in and out (src/main): export a selection to a format (bytes for a
// download, or saved where the analyst chose in Electron), preview and commit an import of annotated files
// into a layer, and cancel either while it runs.
import { WorkbenchError, type ExportRequest, type ExportResult } from '@shared/api';
import { annotationFormats, codecs, importableFormats } from '@shared/formats/annotations';
import { writeFileAtomically } from '../../store/durable-json-file';
import { nodeFileIO } from '../../store/file-io';
import { JobCancelledError, JobFailedError, JobTimeoutError } from '../../workers/job-runner';
import type { Caller, ServiceHandlers } from '../dispatch';
import { gatherExport } from '../exchange/export-bundle';
import { commitImport } from '../exchange/import-commit';
import { planImport, previewImport } from '../exchange/import-plan';
import type { ServiceContext } from '../service-context';
import { cancelledError } from '../tasks';

type ExchangeHandlers = Pick<
  ServiceHandlers,
  'formats:list' | 'export:run' | 'import:preview' | 'import:commit' | 'task:cancel'
>;

/** Writing a large corpus takes a while; the analyst can cancel it. */
const EXPORT_BUDGET_MS = 15 * 60_000;

export function exchangeHandlers(ctx: ServiceContext): ExchangeHandlers {
  return {
    'formats:list': async () =>
      annotationFormats.map((format) => {
        const codec = codecs[format];
        return {
          format,
          title: codec.title,
          offsetUnit: codec.offsetUnit,
          limitations: [...codec.limitations],
          multiFile: codec.multiFile,
          importable: (importableFormats as readonly string[]).includes(format),
        };
      }),

    'export:run': (request, caller) => runExport(ctx, request, caller),

    'import:preview': (request, caller) =>
      ctx.tasks.run(
        request.taskId,
        caller.clientId,
        async (task) => (await previewImport(ctx, request, task)).placed.report,
      ),

    'import:commit': (request, caller) =>
      ctx.tasks.run(request.taskId, caller.clientId, async (task) => {
        const plan = await planImport(ctx, request, task);
        task.checkpoint();
        const committed = await commitImport(ctx, plan);
        if (committed.workspaceChanged) ctx.events.publish({ kind: 'workspace-changed' }, caller.clientId);
        ctx.events.publish({ kind: 'documents-changed', summaries: committed.summaries }, caller.clientId);
        if (committed.updatedIds.length > 0) {
          ctx.events.publish({ kind: 'documents-reloaded', docIds: committed.updatedIds }, caller.clientId);
        }
        return { ...plan.report, preview: false, summaries: committed.summaries, labelSchema: plan.schema };
      }),

    'task:cancel': async ({ taskId }) => ({ cancelled: ctx.tasks.cancel(taskId) }),
  };
}

async function runExport(ctx: ServiceContext, request: ExportRequest, caller: Caller): Promise<ExportResult> {
  return ctx.tasks.run(request.taskId, caller.clientId, async (task) => {
    const by = ctx.localAnnotator()?.name ?? 'Tagwright';
    const { bundle, warnings } = await gatherExport(ctx.store, request, by, ctx.now(), task);
    task.checkpoint();
    task.progress('Writing the export', 0, 1);
    let rendered;
    try {
      rendered = await ctx.runJob(
        'render-export',
        { bundle, format: request.format },
        { signal: task.signal, budgetMs: EXPORT_BUDGET_MS },
      );
    } catch (error) {
      if (error instanceof JobCancelledError) throw cancelledError();
      if (error instanceof JobTimeoutError || error instanceof JobFailedError) {
        throw new WorkbenchError('invalid-request', `The export stopped and wrote nothing: ${error.message}`);
      }
      throw error;
    }
    task.checkpoint();
    task.progress('Writing the export', 1, 1);
    const result: ExportResult = {
      fileName: rendered.fileName,
      mimeType: rendered.mimeType,
      documents: rendered.documents,
      spans: rendered.spans,
      relations: rendered.relations,
      offsetUnit: rendered.offsetUnit,
      limitations: rendered.limitations,
      warnings: [...warnings, ...rendered.warnings],
    };
    if (request.destination === 'download' || ctx.chooseSavePath === undefined) {
      return { ...result, dataBase64: Buffer.from(rendered.bytes).toString('base64') };
    }
    const path = await ctx.chooseSavePath(rendered.fileName);
    if (path === null) return { ...result, savedTo: null };
    task.checkpoint();
    await writeFileAtomically(nodeFileIO, path, rendered.bytes);
    return { ...result, savedTo: path };
  });
}
