/** The thread that reads the content for the build's integrations (`content.ts`). */
import { parentPort, workerData } from 'node:worker_threads';
import { readPublication } from '../src/lib/content/read.ts';

parentPort!.postMessage(readPublication(workerData as string));
