// Entry of the share-image worker thread: registers tsx's TypeScript loader in this thread (a worker
// does not inherit it under every Node version), then runs scripts/share-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./share-worker.ts');
