// A promise queue that runs tasks one at a time in arrival order (src/main).
// The store keeps one per document and one for workspace.json, so concurrent updates never interleave.

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    // The next task waits for this one to settle, whether it succeeded or failed.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
