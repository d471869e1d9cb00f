import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { GrantAgreementData } from './grant-agreement.js';
import type { RenderTask } from './render-worker.js';

/**
 * Renders documents on worker threads, one per core: PDF layout is CPU-bound, so a batch (all the
 * agreements of a resolution) goes as fast as the machine has cores, and the API's event loop stays
 * free. Runs the compiled worker (dist), so it is for the apps and scripts; tests render directly.
 */
export class DocumentRenderPool {
  private readonly pool: Piscina;

  constructor(threads = availableParallelism()) {
    this.pool = new Piscina({ filename: new URL('./render-worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads });
  }

  async agreement(data: GrantAgreementData, creationDate?: Date): Promise<Buffer> {
    const task: RenderTask = { kind: 'agreement', data, creationDate };
    return Buffer.from((await this.pool.run(task)) as Uint8Array);
  }

  get threads(): number {
    return this.pool.threads.length;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
