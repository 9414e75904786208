import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // happy-dom by default; files that need no DOM say `// @vitest-environment node` on their first
    // line, which spares them the DOM's set-up (most of vitest's time on CI went into environments).
    environment: 'happy-dom',
    // Vitest's default is one worker fewer than the cores: a single worker on CI's 2 cores, with the
    // main process mostly idle once files are transformed. Two workers use both cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globals: true,
    include: ['utils/**/*.test.ts', 'utils/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx', 'components/**/*.test.tsx', 'scripts/**/*.test.ts', 'test/console/**/*.test.ts'],
    setupFiles: ['test/unit-setup.ts'],
  },
});
