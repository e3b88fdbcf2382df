// Serves dist/renderer on localhost (the reader in a plain browser tab). Usage: node scripts/serve.mjs [--port N]
import { startServer } from './static-server.mjs';

const i = process.argv.indexOf('--port');
const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 5178);
const { url } = await startServer({ port });
console.log(`Warraq is served at ${url} — open it in Chromium or Chrome. Ctrl+C stops.`);
