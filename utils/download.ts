/**
 * Saves text as a file: a Blob, an object URL and a click on an `<a download>`. Needs no extension
 * permission. `parent` is where the link lives for the click (e.g. our own shadow root), so the
 * host page's DOM is not touched.
 */
export function downloadText(fileName: string, text: string, mimeType: string, parent: ParentNode & Node = document.body): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  parent.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click starts the download synchronously; revoke once it has had time to read the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
