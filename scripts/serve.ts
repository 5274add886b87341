/** `npm start` / `npm run preview`: serve the built site like a static host would. */
import { startStaticServer } from './static-server.ts';

const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? 'localhost';
try {
  const server = await startStaticServer({ root: 'dist', port, host });
  console.log(`Serving dist/ at ${server.url.replace('127.0.0.1', 'localhost')}/ (Ctrl+C to stop)`);
  // Remove the server's compressed copy of dist/ on the way out.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().finally(() => process.exit(0)));
  }
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use: stop the other server, or run with PORT=4322.`);
    process.exit(1);
  }
  throw error;
}
