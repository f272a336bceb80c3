// What the CLI's commands share (src/main): the command shape, calling the service through the same
// validating dispatcher as the windows, and a progress line that is shown only on a terminal.
import {
  WorkbenchError,
  type MethodName,
  type RequestOf,
  type ResponseOf,
  type WorkbenchEvent,
} from '@shared/api';
import type { OpenWorkbench } from '../service/open-workbench';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Rewrites the current terminal line (progress); absent when stderr is not a terminal. */
  progress?: (line: string) => void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Resolves with the process exit code; a long-running command resolves when it is stopped. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

export const CLI_CLIENT = 'cli-command';

/** Calls a contract method as a window would; a refusal becomes a WorkbenchError with its code. */
export async function callService<M extends MethodName>(
  workbench: OpenWorkbench,
  method: M,
  request: RequestOf<M>,
): Promise<ResponseOf<M>> {
  const result = await workbench.dispatch(method, request, { clientId: CLI_CLIENT });
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.message, result.error.details);
  return result.value as ResponseOf<M>;
}

/** Shows the progress events of this command's tasks on one terminal line, if there is a terminal. */
export function showProgress(workbench: OpenWorkbench, io: CliIo): () => void {
  if (io.progress === undefined) return () => {};
  const write = io.progress;
  return workbench.events.subscribe(CLI_CLIENT, (event: WorkbenchEvent) => {
    if (event.kind === 'progress') write(`${event.phase}: ${event.done} of ${event.total}`);
  });
}

export function taskId(): string {
  return `cli-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** "a,b, c" → ["a", "b", "c"]; undefined → []. */
export function listOption(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
