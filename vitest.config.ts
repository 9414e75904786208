import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['utils/**/*.test.ts', 'utils/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx', 'components/**/*.test.tsx', 'scripts/**/*.test.ts', 'test/console/**/*.test.ts'],
    setupFiles: ['test/unit-setup.ts'],
  },
});
