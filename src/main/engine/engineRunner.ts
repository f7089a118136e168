import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { findAppRoot } from '../appRoot';
import type { EngineArgs, EngineResult, EngineTask } from './engineTasks';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The worker thread: the bundle's out/main/engineWorker.js, or, when Parallax
 * runs from its TypeScript sources (tests), engineWorker.ts through tsx. (The
 * bundle may put this module in a chunk folder, so __dirname is not used there.)
 */
function startWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    const source = join(__dirname, 'engineWorker.ts');
    // execArgv: [] — a test runner's own loader flags must not reach the worker.
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, {
      eval: true,
      execArgv: [],
    });
  }
  const built = join(findAppRoot(), 'out', 'main', 'engineWorker.js');
  if (!existsSync(built))
    throw new Error(`the engine worker is missing at ${built}; run the build`);
  return new Worker(built);
}

/** Runs engine tasks on one worker thread, started on first use, so long texts never block the UI's thread. */
export class EngineRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  run<T extends EngineTask>(task: T, args: EngineArgs<T>): Promise<EngineResult<T>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, task, args });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = startWorker();
    worker.on(
      'message',
      ({ id, ok, value, error }: { id: number; ok: boolean; value?: unknown; error?: string }) => {
        const job = this.pending.get(id);
        this.pending.delete(id);
        if (ok) job?.resolve(value);
        else job?.reject(new Error(`engine task failed: ${error}`));
      },
    );
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      this.worker = null;
      if (code !== 0) this.failAll(new Error(`the engine worker stopped (exit ${code})`));
    });
    // An idle worker must not keep the CLI or a test process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
