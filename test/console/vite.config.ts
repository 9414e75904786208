/**
 * Builds the console double's page (a React 19 single-page app) into test/console/dist, which the
 * double serves at the real Amplitude address (server/http/static-files.ts).
 *
 * No @vitejs/plugin-react: Vite 8 transforms JSX with oxc, told here to use React's automatic runtime.
 * CSS modules get short hashed class names on purpose: like the real console, nothing here offers a
 * stable class name, so neither the extension nor the specs can lean on one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  css: { modules: { generateScopedName: '_[hash:base64:6]' } },
  build: {
    outDir: process.env.ADMIN_LENS_CONSOLE_DIST ? path.resolve(process.env.ADMIN_LENS_CONSOLE_DIST) : path.join(root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Minified like a production console; the source map keeps stack traces readable.
    sourcemap: true,
  },
  logLevel: 'warn',
});
