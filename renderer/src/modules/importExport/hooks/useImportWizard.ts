import { App } from 'antd'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../../../shared/api'
import type { ColumnMapping, ImportEntity, MappingTemplate } from '../../../../../shared/methods/imports'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { pickFileToOpen, saveGeneratedFile } from '../../../api/files'
import { errorText } from '../utils/errorText'
import { newJobId } from '../utils/jobId'
import { applyTemplate, mappingOf } from '../utils/mapping'
import { initialWizard, wizardStore, type JobKind, type WizardState, type WizardStep } from '../utils/wizardStore'

const IMPORT_EXTENSIONS = ['xlsx', 'xls', 'csv', 'ods']

type OptionsPatch = Partial<Pick<WizardState, 'onDuplicate' | 'onUnknown' | 'saveTemplate' | 'templateNameToSave'>>

/** What the preview, the commit and the error rows all take: the file, its sheet, the mapping and the options. */
function requestOf(state: WizardState): MethodInput<'imports.preview'> {
  return {
    path: state.path ?? '',
    sheet: state.inspection?.sheet,
    entity: state.entity,
    mapping: state.mapping,
    onDuplicate: state.onDuplicate,
    onUnknown: state.onUnknown,
  }
}

const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '')

/** The import wizard's state (kept across screens) and its steps, each a call to the core. */
export function useImportWizard() {
  const state = useSyncExternalStore(wizardStore.subscribe, wizardStore.get)
  const { t } = useTranslation()
  const { message, notification } = App.useApp()

  const showError = (err: unknown) => void message.error(errorText(err))

  /** Runs one job of the core under a fresh id; a cancelled job says so, any other failure shows its message. */
  async function runJob<T>(kind: JobKind, work: (jobId: string) => Promise<T>): Promise<T | null> {
    const id = newJobId()
    wizardStore.set({ job: { id, kind } })
    try {
      return await work(id)
    } catch (err) {
      if (isApiCallError(err) && err.code === 'JOB_CANCELLED') void message.info(t('importExport.job.cancelled'))
      else showError(err)
      return null
    } finally {
      wizardStore.set((s) => (s.job?.id === id ? { job: null } : {}))
    }
  }

  async function inspect(path: string, entity: ImportEntity, sheet?: string): Promise<void> {
    const inspection = await runJob('inspect', (jobId) => api.call('imports.inspect', { path, entity, sheet, jobId }))
    if (!inspection) return
    wizardStore.set({
      path,
      entity,
      inspection,
      mapping: mappingOf(inspection.columns),
      templateName: inspection.template?.name ?? null,
      templateNameToSave: baseName(inspection.fileName).slice(0, 200),
      preview: null,
      result: null,
    })
  }

  async function pickFile(): Promise<void> {
    let path: string | null
    try {
      path = await pickFileToOpen({ title: t('importExport.file.dialogTitle'), extensions: IMPORT_EXTENSIONS })
    } catch (err) {
      showError(err)
      return
    }
    if (path) await inspect(path, wizardStore.get().entity)
  }

  async function setEntity(entity: ImportEntity): Promise<void> {
    const { path, inspection } = wizardStore.get()
    // Another entity has other fields, so the core maps the columns again; the choice holds once it has.
    if (path) await inspect(path, entity, inspection?.sheet)
    else wizardStore.set({ entity })
  }

  async function setSheet(sheet: string): Promise<void> {
    const { path, entity } = wizardStore.get()
    if (path) await inspect(path, entity, sheet)
  }

  const setMapping = (mapping: ColumnMapping[]) => wizardStore.set({ mapping, preview: null })

  function applySavedTemplate(template: MappingTemplate): void {
    const { inspection } = wizardStore.get()
    if (!inspection) return
    wizardStore.set({ mapping: applyTemplate(inspection.columns, template), templateName: template.name, preview: null })
    void message.success(t('importExport.mapping.templateApplied', { name: template.name }))
  }

  const setOptions = (patch: OptionsPatch) =>
    // Only the policies change what the dry run says; the template name does not.
    wizardStore.set((s) => ({ ...patch, preview: 'onDuplicate' in patch || 'onUnknown' in patch ? null : s.preview }))

  async function preview(): Promise<void> {
    const request = requestOf(wizardStore.get())
    const report = await runJob('preview', (jobId) => api.call('imports.preview', { ...request, jobId }))
    if (report) wizardStore.set({ preview: report })
  }

  async function commit(): Promise<void> {
    const current = wizardStore.get()
    const templateName = current.saveTemplate ? current.templateNameToSave.trim() : ''
    const request = { ...requestOf(current), ...(templateName ? { saveTemplateAs: templateName } : {}) }
    const result = await runJob('commit', (jobId) => api.call('imports.commit', { ...request, jobId }))
    if (!result) return
    wizardStore.set({ result, step: 'done', preview: null })
    notification.success({
      title: t('importExport.done.finished', { file: result.fileName, create: result.counts.create, update: result.counts.update }),
    })
    if (templateName) void message.success(t('importExport.done.templateSaved', { name: templateName }))
  }

  async function cancel(): Promise<void> {
    const { job } = wizardStore.get()
    if (!job) return
    try {
      await api.call('imports.cancel', { jobId: job.id })
    } catch (err) {
      showError(err)
    }
  }

  async function downloadErrorRows(): Promise<void> {
    const current = wizardStore.get()
    const file = baseName(current.inspection?.fileName ?? 'import')
    const written = await runJob('errorRows', (jobId) =>
      saveGeneratedFile(
        { title: t('importExport.preview.errorRowsTitle'), suggestedName: `${t('importExport.preview.errorRowsName', { file })}.xlsx`, extensions: ['xlsx'] },
        (outPath) => api.call('imports.errorRows', { ...requestOf(current), jobId, outPath }),
      ),
    )
    if (written) void message.success(t('importExport.file.saved', { file: written.fileName }))
  }

  async function downloadBlankTemplate(entity: ImportEntity): Promise<void> {
    try {
      const written = await saveGeneratedFile(
        {
          title: t('importExport.file.blankTemplateTitle'),
          suggestedName: `${t('importExport.file.blankTemplateName', { entity: t(`importExport.entities.${entity}`) })}.xlsx`,
          extensions: ['xlsx'],
        },
        (outPath) => api.call('imports.blankTemplate', { entity, outPath }),
      )
      if (written) void message.success(t('importExport.file.saved', { file: written.fileName }))
    } catch (err) {
      showError(err)
    }
  }

  return {
    state,
    pickFile,
    setEntity,
    setSheet,
    setMapping,
    applySavedTemplate,
    setOptions,
    preview,
    commit,
    cancel,
    downloadErrorRows,
    downloadBlankTemplate,
    goTo: (step: WizardStep) => wizardStore.set({ step }),
    startOver: () => wizardStore.set((s) => ({ ...initialWizard, entity: s.entity })),
  }
}
