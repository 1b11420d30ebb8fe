import { run } from './main.js';

// A call that timed out may leave its socket open; the step ends when run() does, not when the socket closes.
void run().finally(() => process.exit());
