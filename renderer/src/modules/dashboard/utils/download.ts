/** Hands a data URL to the browser's downloads (Electron asks where to save it). */
export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
