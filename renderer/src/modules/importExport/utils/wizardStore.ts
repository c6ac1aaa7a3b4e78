import type {
  ColumnMapping,
  DuplicatePolicy,
  ImportEntity,
  ImportInspection,
  ImportReport,
  UnknownPolicy,
} from '../../../../../shared/methods/imports'

export type WizardStep = 'file' | 'mapping' | 'preview' | 'done'
export type JobKind = 'inspect' | 'preview' | 'commit' | 'errorRows'

export interface WizardState {
  step: WizardStep
  entity: ImportEntity
  /** The file as the core names it (a dialog's pick or the web host's upload). */
  path: string | null
  inspection: ImportInspection | null
  mapping: ColumnMapping[]
  /** The saved template the mapping was filled from, when it was. */
  templateName: string | null
  onDuplicate: DuplicatePolicy
  onUnknown: UnknownPolicy
  saveTemplate: boolean
  templateNameToSave: string
  /** The dry run of the current mapping and options; null once either changes. */
  preview: ImportReport | null
  result: ImportReport | null
  job: { id: string; kind: JobKind } | null
}

export const initialWizard: WizardState = {
  step: 'file',
  entity: 'opportunity',
  path: null,
  inspection: null,
  mapping: [],
  templateName: null,
  onDuplicate: 'skip',
  onUnknown: 'error',
  saveTemplate: false,
  templateNameToSave: '',
  preview: null,
  result: null,
  job: null,
}

type Patch = Partial<WizardState> | ((state: WizardState) => Partial<WizardState>)

/**
 * The wizard lives outside the page: leaving the screen while an import runs
 * keeps the job, and its result is there on return.
 */
let state = initialWizard
const listeners = new Set<() => void>()

export const wizardStore = {
  get: (): WizardState => state,
  set(patch: Patch): void {
    state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) }
    for (const listener of listeners) listener()
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
}
