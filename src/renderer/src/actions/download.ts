// Hands a finished export to the browser as a download (src/renderer/actions): browser mode has no save
// dialog of its own, so the bytes become a Blob and a temporary link is clicked.
export function offerDownload(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  download(fileName, new Blob([bytes], { type: mimeType }));
}

/** The same for text made in the renderer (UTF-8). */
export function offerTextDownload(fileName: string, mimeType: string, text: string): void {
  download(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
