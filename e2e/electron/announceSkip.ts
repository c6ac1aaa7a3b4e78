import { SKIP_REASON, findElectronBinary } from './electronBinary'

/**
 * Says once, in the run's output, why every test shows as skipped; the list
 * reporter itself only prints a dash for a skipped test.
 */
export default function announceSkip(): void {
  if (findElectronBinary() === null) console.log(`\n${SKIP_REASON}\n`)
}
