import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '@/utils/messaging';

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
      <p>Open Settings › Organization settings › Members &amp; Groups in Amplitude to use it.</p>
    </main>
  );
}
