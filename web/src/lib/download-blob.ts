/** Hands bytes to the browser as a file download (an object URL on a temporary link). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download may still be reading the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
