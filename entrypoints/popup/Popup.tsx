import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { Diagnostics } from './Diagnostics';
import { EmailChanges } from './EmailChanges';

export function Popup() {
  const [status, setStatus] = useState<string>(t('popupCheckingBackground'));
  useEffect(() => {
    sendRequest({ type: 'ping' })
      .then((result) => setStatus(t('popupRunning', { version: result.version })))
      .catch((error: unknown) => setStatus(t('popupBackgroundError', { error: String(error) })));
  }, []);
  return (
    <main class="popup">
      <h1>{t('extensionName')}</h1>
      <p role="status">{status}</p>
      <Diagnostics />
      <EmailChanges />
      <p>{t('popupOpenHint')}</p>
      <p>
        <a
          href={browser.runtime.getURL('/audit-log.html')}
          onClick={(event) => {
            // tabs.create needs no permission; a plain link would open inside the popup.
            event.preventDefault();
            void browser.tabs.create({ url: browser.runtime.getURL('/audit-log.html') });
          }}
        >
          {t('popupAuditLogLink')}
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
          {t('popupSettingsLink')}
        </a>
      </p>
    </main>
  );
}
