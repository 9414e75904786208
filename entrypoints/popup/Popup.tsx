import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/messaging';
import { Diagnostics } from './Diagnostics';

export function Popup() {
  const [status, setStatus] = useState<string>('Checking the background…');
  useEffect(() => {
    sendRequest({ type: 'ping' })
      .then((result) => setStatus(`Running, version ${result.version}.`))
      .catch((error: unknown) => setStatus(`The background did not answer: ${String(error)}`));
  }, []);
  return (
    <main class="popup">
      <h1>Admin Lens for Amplitude</h1>
      <p role="status">{status}</p>
      <Diagnostics />
      <p>Open Settings › Organization settings › Members &amp; Groups in Amplitude to use it.</p>
      <p>
        <a
          href={browser.runtime.getURL('/audit-log.html')}
          onClick={(event) => {
            // tabs.create needs no permission; a plain link would open inside the popup.
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/audit-log.html') });
          }}
        >
          Removal audit log
        </a>
      </p>
      <p>
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(event) => {
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          Settings
        </a>
      </p>
    </main>
  );
}
