import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { AMPLITUDE_MATCHES } from './utils/amplitude/hosts';
import { browserApiPerEntrypoint } from './scripts/build/browser-api';

// The only hosts we ever touch. The manifest check in scripts/check-safety.mjs keeps this honest.
export default defineConfig({
  // ADMIN_LENS_OUT_DIR lets several engineers build and test side by side without clobbering .output.
  outDir: process.env.ADMIN_LENS_OUT_DIR || '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Name and description from public/_locales/<lang>/messages.json (utils/i18n.ts explains the messages).
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: [...AMPLITUDE_MATCHES],
    // Imported by the content script only when needed: the Members & Groups page's features on a
    // settings address (members.content/members-page-file.ts), the bulk-invite CSV tools when the panel
    // opens, the access breakdown card when a badge is first hovered or focused, the union engine of
    // custom roles when the org holds any (members.content/access-permissions-file.ts), the data-shape
    // recording when the admin starts one from the popup.
    // Chrome: only under a per-session dynamic id (runtime.getURL gives it), so a page cannot tell
    // that Admin Lens is installed by fetching chrome-extension://<id>/invite-logic.js. Firefox's
    // extension URLs are a random per-install UUID already; it ignores the key (web-ext lint accepts
    // it), and WXT leaves it out of its own Firefox entries, as here.
    web_accessible_resources: [
      {
        resources: ['members-page.js', 'invite-logic.js', 'offboard-logic.js', 'access-card.js', 'access-permissions.js', 'hygiene-report.js', 'shape-recording.js', 'email-change.js'],
        matches: [...AMPLITUDE_MATCHES],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Firefox only: Chrome would warn about an unknown key.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'admin-lens@amplitude-tools.example',
              // data_collection_permissions is understood from Firefox 140 on.
              strict_min_version: '140.0',
              // Nothing leaves the browser: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142 on (web-ext lint).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    // webextension-polyfill everywhere but in the content scripts (scripts/build/browser-api.ts).
    plugins: [browserApiPerEntrypoint(), preact()],
    // ADMIN_LENS_SOURCEMAP=1 for bundle analysis (which module costs what); never in what ships.
    // ADMIN_LENS_MINIFY=0 keeps function names readable in the benches' CPU profiles.
    build: { sourcemap: process.env.ADMIN_LENS_SOURCEMAP === '1', minify: process.env.ADMIN_LENS_MINIFY !== '0' },
  }),
});
