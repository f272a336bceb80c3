// The agreement figures as long work: the request carries the task's id, the task shows its progress from
// main's events until the answer, and Cancel asks main to stop that very task.
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/api';
import type { AgreementReport } from '@shared/agreement';
import type { TagwrightApi } from '../api/client';
import { createReviewStore } from './review-store';
import { createTaskStore } from './task-store';

describe('agreement as a task', () => {
  it('shows progress under its task id, cancels that task, and ends when main answers', async () => {
    let answer: (result: Result<AgreementReport>) => void = () => {};
    const requests: { taskId?: string }[] = [];
    const api = {
      'review:agreement': vi.fn((request: { taskId?: string }) => {
        requests.push(request);
        return new Promise<Result<AgreementReport>>((resolve) => (answer = resolve));
      }),
      'task:cancel': vi.fn(async () => ({ ok: true, value: { cancelled: true } })),
    } as unknown as TagwrightApi;
    const tasks = createTaskStore(api);
    const review = createReviewStore(api);

    const outcome = tasks.run('agreement', (taskId) => review.agreement(['dana', 'lee'], taskId));
    const taskId = requests[0]?.taskId;
    expect(taskId).toEqual(expect.any(String));
    tasks.handleEvent({ kind: 'progress', taskId: taskId!, phase: 'Reading documents', done: 3, total: 10 });
    expect(tasks.ofKind('agreement')).toMatchObject({ phase: 'Reading documents', done: 3, total: 10 });

    await tasks.cancel(taskId!);
    expect(api['task:cancel']).toHaveBeenCalledWith({ taskId });
    answer({ ok: false, error: { code: 'cancelled', message: 'The agreement was cancelled.' } } as never);
    expect((await outcome).ok).toBe(false);
    expect(tasks.ofKind('agreement')).toBeUndefined();
  });
});
