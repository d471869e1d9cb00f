// A worker thread of DocumentRenderPool: renders one document per task, off the main event loop.
import 'reflect-metadata';
import { renderGrantAgreement } from './grant-agreement.js';
import type { GrantAgreementData } from './grant-agreement.js';

export type RenderTask = { kind: 'agreement'; data: GrantAgreementData; creationDate?: Date };

export default async function render(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'agreement':
      return renderGrantAgreement(task.data, { creationDate: task.creationDate });
  }
}
