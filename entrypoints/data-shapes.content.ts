/**
 * The page-world script behind the popup's opt-in "Record data shapes for 60 s" (issue 13). It runs
 * in the page's own JavaScript world (`world: "MAIN"`, Chrome 111+, Firefox 128+; no permission
 * needed) because only there are the bodies and answers of the page's requests visible.
 *
 * Registered with the manifest on the Amplitude hosts, it stays dormant: it only listens for the
 * content script's request to record and touches nothing else. Everything it does then is in
 * utils/diagnostics/page-world-recorder.ts. It has no extension API, and no secret: the page can see
 * whatever it sees, so the content script treats what it sends as untrusted.
 */
import { AMPLITUDE_MATCHES } from '@/utils/amplitude/hosts';
import { armShapeRecorder } from '@/utils/diagnostics/page-world-recorder';

export default defineContentScript({
  matches: AMPLITUDE_MATCHES,
  world: 'MAIN',
  // Early, so that the listener is there before the popup could ask; it does nothing until then.
  runAt: 'document_start',
  main() {
    armShapeRecorder();
  },
});
