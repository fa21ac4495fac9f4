/**
 * What a benchmark must undo, in the reverse order it was set up: processes stop before the data they write is
 * removed, clients close before the servers they talk to go down. Every step runs even when one before it failed,
 * so a failed run still stops everything it started; failures are reported, not thrown over the run's own error.
 */
export interface Cleanup {
  /** Registers `step` to run at cleanup, before every step registered earlier. */
  defer(what: string, step: () => Promise<unknown> | unknown): void;
  /** Runs the registered steps, last registered first. */
  run(): Promise<void>;
}

export function createCleanup(): Cleanup {
  const steps: { what: string; step: () => Promise<unknown> | unknown }[] = [];
  return {
    defer(what, step) {
      steps.push({ what, step });
    },
    async run() {
      for (const { what, step } of steps.splice(0).reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`cleanup: ${what} failed:`, error);
        }
      }
    },
  };
}
