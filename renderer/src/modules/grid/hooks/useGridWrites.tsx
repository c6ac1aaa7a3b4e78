import { App } from 'antd'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_BATCH, type MethodInput } from '../../../../../shared/api'
import type { GridEntity } from '../../../../../shared/enums'
import { FieldIssue } from '../../../../../shared/errors'
import { isApiCallError, type ApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { issueMessage } from '../../forms/utils/issueMessage'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { ProblemList, type ProblemLine } from '../components/ProblemList'
import { beforeOf, cellText, columnOfField, type CellLabels, type RowValues } from '../utils/cellModel'
import { columnLabel, recordTitle, snakeCase } from '../utils/entityFacts'
import type { RowCache } from '../utils/rowCache'
import {
  canRedo as historyCanRedo,
  canUndo as historyCanUndo,
  emptyHistory,
  pushStep,
  redone,
  redoRequests,
  takeRedo,
  takeUndo,
  undone,
  undoRequests,
  type EditStep,
  type Patch,
  type StepKind,
  type UndoHistory,
} from '../utils/undoStack'
import { useMissingFieldsPrompt } from './useMissingFieldsPrompt'
import type { MissingFieldsRequest } from '../components/MissingFieldsModal'
import { nestCustom } from '../../customFields/utils/customColumns'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { needsOfRefusal } from '../utils/stageRules'
import { useStageNeedLabel } from './useStageNeedLabel'

export interface WriteChange {
  id: number
  version: number
  patch: Patch
  before: Patch
  /** Values to show until the refetch (an account's name next to its id). */
  display?: Record<string, unknown>
}

export interface WriteRequest {
  kind: StepKind
  changes: WriteChange[]
  /** New rows (a paste past the last row). */
  creations?: Patch[]
}

export interface GridWrites {
  /** Writes one step (one transaction per call to the core); true when it was saved. */
  write(request: WriteRequest): Promise<boolean>
  undo(): Promise<void>
  redo(): Promise<void>
  canUndo: boolean
  canRedo: boolean
  busy: boolean
  showProblems(title: string, lines: ProblemLine[]): void
  askMissing(request: MissingFieldsRequest): Promise<Patch | null>
  /** The stage-requirements form; render once. */
  element: ReactNode
}

interface Details {
  row?: number
  id?: number
  missing?: unknown
  stageId?: number
  current?: Record<string, unknown>
  issues?: unknown
}

const detailsOf = (error: ApiCallError) => (error.details ?? {}) as Details

/**
 * Every grid write: one grid.update (plus one grid.create for new rows) per
 * step, then the undo stack. A conflict is reported with the fresh values
 * and nothing is overwritten; a stage that needs fields asks for them.
 */
export function useGridWrites(entity: GridEntity, cache: RowCache, labels: CellLabels): GridWrites {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const { locale } = usePreferences()
  const names = useLabels()
  const prompt = useMissingFieldsPrompt()
  const dealFields = useCustomFields('opportunity')
  const needLabel = useStageNeedLabel()
  const [history, setHistoryState] = useState<UndoHistory>(emptyHistory)
  const historyRef = useRef<UndoHistory>(emptyHistory)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const [busy, setBusy] = useState(false)

  const setHistory = useCallback((next: UndoHistory) => {
    historyRef.current = next
    setHistoryState(next)
  }, [])

  /** One write at a time, in order: a second Ctrl+Z waits for the first. */
  const serial = useCallback(<T,>(run: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(run, run)
    queue.current = next.catch(() => undefined)
    setBusy(true)
    void next.finally(() => setBusy(false)).catch(() => undefined)
    return next
  }, [])

  const showProblems = useCallback(
    (title: string, lines: ProblemLine[]) => {
      modal.error({ title, width: 760, content: <ProblemList lines={lines} />, okText: t('grid.problems.ok') })
    },
    [modal, t],
  )

  const describe = useCallback(
    (field: string, row: RowValues) => {
      const column = columnOfField(entity, field)
      if (!column) return { label: field, text: String(row[field] ?? '') }
      return { label: columnLabel(column, locale), text: cellText(column, row, labels) || t('common.empty') }
    },
    [entity, labels, locale, t],
  )

  /** The fresh values of the fields a refused write touched, read again from the core. */
  const freshLines = useCallback(
    async (id: number, patch: Patch, current: Record<string, unknown> | undefined) => {
      await cache.invalidate()
      const fresh = cache.findById(id)
      return Object.keys(patch).map((field) => {
        const freshRow: RowValues = fresh ?? { id, [field]: current?.[snakeCase(field)] ?? null }
        const now = describe(field, freshRow)
        // An account is written by id; its typed name is not at hand here, so only the fresh one is shown.
        const mine = field === 'accountId' ? '' : describe(field, { id, ...patch }).text
        return { field, label: now.label, fresh: now.text, mine }
      })
    },
    [cache, describe],
  )

  const rowName = useCallback((id: number) => recordTitle(entity, cache.findById(id), id), [cache, entity])

  /** Tells the person why the core refused a write; `undoing` words it for an undo. */
  const report = useCallback(
    async (error: unknown, changes: { id: number; patch: Patch }[], undoing: boolean) => {
      if (!isApiCallError(error)) {
        void message.error(String(error))
        return
      }
      const details = detailsOf(error)
      const change = details.row !== undefined ? changes[details.row] : changes.find((c) => c.id === details.id)
      if (error.code === 'CONFLICT' && change) {
        const lines = await freshLines(change.id, change.patch, details.current)
        modal.warning({
          title: t(undoing ? 'grid.write.undoConflictTitle' : 'grid.write.conflictTitle'),
          width: 560,
          content: (
            <div data-testid="grid-conflict">
              <p>{t(undoing ? 'grid.write.undoConflictIntro' : 'grid.write.conflictIntro', { name: rowName(change.id) })}</p>
              <ul>
                {lines.map((line) => (
                  <li key={line.field}>
                    {line.mine
                      ? t('grid.write.conflictField', { column: line.label, fresh: line.fresh, mine: line.mine })
                      : t('grid.write.conflictFieldOnly', { column: line.label, fresh: line.fresh })}
                  </li>
                ))}
              </ul>
              <p>{t('grid.write.conflictOutro')}</p>
            </div>
          ),
        })
        return
      }
      if (error.code === 'NOT_FOUND' && change) {
        modal.warning({ title: error.message, content: t('grid.write.notFound', { name: rowName(change.id) }) })
        void cache.invalidate()
        return
      }
      if (error.code === 'STAGE_REQUIREMENTS' && change) {
        const missing = (Array.isArray(details.missing) ? details.missing : []) as string[]
        showProblems(error.message, [
          {
            key: 'stage',
            row: rowName(change.id),
            column: describe('stageId', { id: change.id }).label,
            value: names.stageName(details.stageId) ?? '',
            reason: t('grid.write.needsFields', { fields: missing.map(needLabel).join('、') }),
          },
        ])
        return
      }
      if (error.code === 'VALIDATION') {
        const issues = FieldIssue.array().safeParse(details.issues)
        if (issues.success && issues.data.length > 0) {
          showProblems(
            error.message,
            issues.data.map((issue, i) => {
              // Paths look like ['changes', 3, 'patch', 'email'] or ['rows', 0, 'name'].
              const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined
              const field = String(issue.path.at(-1) ?? '')
              const target = index !== undefined ? changes[index] : undefined
              return {
                key: String(i),
                row: target ? rowName(target.id) : index !== undefined ? t('grid.problems.newRow', { n: index + 1 }) : '',
                column: describe(field, { id: 0 }).label,
                value: target ? String(target.patch[field] ?? '') : '',
                reason: issueMessage(issue, t),
              }
            }),
          )
          return
        }
      }
      modal.error({ title: error.message })
    },
    [cache, describe, freshLines, message, modal, names, needLabel, rowName, showProblems, t],
  )

  const applyVersions = useCallback(
    (changes: { id: number; patch: Patch; display?: Record<string, unknown> }[], rows: { id: number; version: number }[]) => {
      const versions = new Map(rows.map((r) => [r.id, r.version]))
      for (const change of changes) {
        const version = versions.get(change.id)
        if (version !== undefined) cache.applyLocal(change.id, { ...change.patch, ...change.display }, version)
      }
      return versions
    },
    [cache],
  )

  const update = useCallback(
    (changes: { id: number; version: number; patch: Patch }[]) =>
      api.call('grid.update', {
        entity,
        changes: changes.map(({ id, version, patch }) => ({ id, version, patch: nestCustom(patch) })),
      } as MethodInput<'grid.update'>),
    [entity],
  )

  const write = useCallback(
    (request: WriteRequest) =>
      serial(async () => {
        const creations = request.creations ?? []
        if (request.changes.length > MAX_BATCH || creations.length > MAX_BATCH) {
          void message.warning(t('grid.write.tooMany', { max: MAX_BATCH }))
          return false
        }
        let changes = request.changes
        let versions = new Map<number, number>()
        while (changes.length > 0) {
          try {
            const result = await update(changes)
            versions = applyVersions(changes, result.rows)
            break
          } catch (error) {
            const details = isApiCallError(error) ? detailsOf(error) : {}
            const index = details.row ?? 0
            const change = changes[index]
            // One deal entering a stage that needs fields (built-in or custom): ask for exactly those, then try again.
            const stageId = typeof change?.patch.stageId === 'number' ? change.patch.stageId : details.stageId
            const row = change ? (cache.findById(change.id) ?? { id: change.id }) : undefined
            const needs =
              isApiCallError(error) && change && row && typeof stageId === 'number' && (error.code === 'STAGE_REQUIREMENTS' || 'stageId' in change.patch)
                ? needsOfRefusal(error.code, details, { stageId, facts: { ...row, ...change.patch }, customFields: dealFields })
                : null
            if (needs && needs.length > 0 && changes.length === 1 && change && row) {
              const values = await prompt.ask({
                fields: needs,
                stageName: names.stageName(stageId) ?? '',
                subject: rowName(change.id),
                accountName: row.accountName as string | null | undefined,
              })
              if (!values) return false
              changes = [{ ...change, patch: { ...change.patch, ...values }, before: { ...change.before, ...beforeOf(row, values) } }]
              continue
            }
            await report(error, changes, false)
            return false
          }
        }
        let created: { id: number; version: number }[] = []
        if (creations.length > 0) {
          try {
            created = (await api.call('grid.create', { entity, rows: creations.map(nestCustom) } as MethodInput<'grid.create'>)).rows
          } catch (error) {
            // The rows already changed in this step go back, so the paste stays all or nothing.
            if (changes.length > 0) {
              await update(changes.map((c) => ({ id: c.id, version: versions.get(c.id) ?? c.version, patch: c.before }))).catch(() => undefined)
            }
            await report(error, [], false)
            return false
          }
        }
        const step: EditStep = {
          kind: request.kind,
          changes: changes.map((c) => ({ id: c.id, before: c.before, after: c.patch, version: versions.get(c.id) ?? c.version })),
          created: created.map((row, i) => ({ id: row.id, version: row.version, input: creations[i] ?? {} })),
        }
        setHistory(pushStep(historyRef.current, step))
        return true
      }),
    [applyVersions, cache, dealFields, message, names, prompt, report, rowName, serial, setHistory, t, update, entity],
  )

  const undo = useCallback(
    () =>
      serial(async () => {
        const taken = takeUndo(historyRef.current)
        if (!taken) return
        setHistory(taken.history)
        const requests = undoRequests(taken.step)
        try {
          let versions = new Map<number, number>()
          if (requests.update.length > 0) {
            const result = await update(requests.update)
            versions = applyVersions(requests.update, result.rows)
          }
          if (requests.remove.length > 0) await api.call('grid.delete', { entity, rows: requests.remove })
          setHistory(undone(historyRef.current, taken.step, { versions }))
          void message.success(t('grid.write.undone'))
        } catch (error) {
          await report(error, requests.update, true)
        }
      }),
    [applyVersions, entity, message, report, serial, setHistory, t, update],
  )

  const redo = useCallback(
    () =>
      serial(async () => {
        const taken = takeRedo(historyRef.current)
        if (!taken) return
        setHistory(taken.history)
        const requests = redoRequests(taken.step)
        try {
          let versions = new Map<number, number>()
          if (requests.update.length > 0) {
            const result = await update(requests.update)
            versions = applyVersions(requests.update, result.rows)
          }
          let created: { id: number; version: number }[] = []
          if (requests.create.length > 0) {
            created = (await api.call('grid.create', { entity, rows: requests.create.map(nestCustom) } as MethodInput<'grid.create'>)).rows
          }
          setHistory(redone(historyRef.current, taken.step, { versions, created }))
          void message.success(t('grid.write.redone'))
        } catch (error) {
          await report(error, requests.update, true)
        }
      }),
    [applyVersions, entity, message, report, serial, setHistory, t, update],
  )

  return {
    write,
    undo,
    redo,
    canUndo: historyCanUndo(history),
    canRedo: historyCanRedo(history),
    busy,
    showProblems,
    askMissing: prompt.ask,
    element: prompt.element,
  }
}
