import { useEffect, useEffectEvent } from 'react'

/** Ctrl+K (Cmd+K on a Mac) anywhere in the window. */
export function useSearchShortcut(onOpen: () => void): void {
  const open = useEffectEvent(onOpen)
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        open()
      }
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
