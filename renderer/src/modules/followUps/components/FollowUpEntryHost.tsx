import { followUpEntry } from '../states/followUpEntry'
import { FollowUpModal } from './FollowUpModal'

/** The window's one follow-up dialog; mounted once, opened by openFollowUpEntry from anywhere. */
export function FollowUpEntryHost() {
  const target = followUpEntry.use()
  if (!target) return null
  return <FollowUpModal key={`${target.entityType}:${target.entityId}`} target={target} onClose={() => followUpEntry.set(null)} />
}
