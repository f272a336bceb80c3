// A FileIO that records every call and fails the one chosen (bench/reliability, Node only): the disk-fault
// campaign first records the calls an operation makes, then fails each of them in turn with ENOSPC, EIO,
// EACCES, EPERM or EBUSY, once or for ever. It wraps every method of the store's FileIO seam generically, so a
// method added to the seam later is recorded and failed too.
import { nodeFileIO, type FileIO } from '../../../src/main/store/file-io';

export const FAULT_CODES = ['ENOSPC', 'EIO', 'EACCES', 'EPERM', 'EBUSY'] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

const DESCRIPTIONS: Record<FaultCode, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EBUSY: 'resource busy or locked',
};

export interface FaultPlan {
  /** 1-based index, among the calls made while armed, of the first call that fails. */
  at: number;
  code: FaultCode;
  /** Every call from `at` on fails (a disk that stays full); otherwise only that one call. */
  forever: boolean;
}

export interface RecordedCall {
  op: string;
  path: string;
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export class FaultIO {
  readonly io: FileIO;
  readonly calls: RecordedCall[] = [];
  fired = 0;
  private armed = false;
  private plan: FaultPlan | null = null;

  constructor(base: FileIO = nodeFileIO) {
    const methods = Object.keys(base) as (keyof FileIO)[];
    this.io = Object.fromEntries(
      methods.map((name) => [
        name,
        (...args: unknown[]) => this.call(name, (base[name] as AnyMethod).bind(base), args),
      ]),
    ) as unknown as FileIO;
  }

  /** Starts recording calls (from index 1) and, with a plan, failing them. */
  arm(plan: FaultPlan | null): void {
    this.calls.length = 0;
    this.fired = 0;
    this.plan = plan;
    this.armed = true;
  }

  /** The disk works again; calls are no longer recorded. */
  disarm(): void {
    this.armed = false;
    this.plan = null;
  }

  private async call(name: string, method: AnyMethod, args: unknown[]): Promise<unknown> {
    if (!this.armed) return method(...args);
    this.calls.push({ op: name, path: typeof args[0] === 'string' ? args[0] : '' });
    const index = this.calls.length;
    const plan = this.plan;
    const fails = plan !== null && (plan.forever ? index >= plan.at : index === plan.at);
    if (!fails) return method(...args);
    this.fired += 1;
    // A full or failing disk usually gets part of a write out first: leave a short file behind, as it would.
    if (name === 'writeFileSynced' && (plan.code === 'ENOSPC' || plan.code === 'EIO')) {
      const data = args[1];
      const half =
        typeof data === 'string'
          ? data.slice(0, data.length >> 1)
          : data instanceof Uint8Array
            ? data.subarray(0, data.length >> 1)
            : '';
      await method(args[0], half).catch(() => undefined);
    }
    throw osError(plan.code, name, this.calls[index - 1]?.path ?? '');
  }
}

/** An error shaped like Node's own (code, syscall, path), so the store sees exactly what a real disk gives. */
export function osError(code: FaultCode, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${DESCRIPTIONS[code]}, ${syscall} '${path}'`), {
    code,
    syscall,
    path,
  });
}
