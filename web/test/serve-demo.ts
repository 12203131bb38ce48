// Development aid: `npx tsx web/test/serve-demo.ts [port]` serves web/dist on the demo data until Ctrl-C.
import { join } from 'node:path';
import { startDemoServer } from './demo-server.ts';
import { webFixtures } from './fixtures.ts';

const server = await startDemoServer({ webRoot: join(import.meta.dirname, '../dist'), port: Number(process.argv[2] ?? 0), extra: webFixtures() });
console.log(`demo server at ${server.url}`);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
