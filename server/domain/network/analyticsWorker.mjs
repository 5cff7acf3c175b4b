// Entry of the analytics worker thread: TypeScript through tsx (a runtime dependency, as for the server
// itself), then the worker proper (analyticsWorker.ts). Worker threads do not take `--import tsx`.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./analyticsWorker.ts', import.meta.url).href);
