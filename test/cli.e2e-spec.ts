import { Test } from '@nestjs/testing';
import { DemoData } from '../apps/cli/src/demo-data.js';
import { CliModule } from '../apps/cli/src/cli.module.js';

/** `npm start` and `demo:load` build this module before anything else runs: its wiring must resolve. */
describe('the command-line module', () => {
  it('resolves every provider the demo data and the importer need', async () => {
    const app = await Test.createTestingModule({ imports: [CliModule] }).compile();
    try {
      expect(app.get(DemoData)).toBeInstanceOf(DemoData);
    } finally {
      await app.close();
    }
  });
});
