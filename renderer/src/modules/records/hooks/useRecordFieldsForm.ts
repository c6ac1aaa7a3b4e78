import { App, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../../../shared/api'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { changedFields } from '../utils/changedFields'

export type EditableRecord = 'account' | 'contact'
type Update<E extends EditableRecord> = Extract<MethodInput<'grid.update'>, { entity: E }>
export type RecordPatch<E extends EditableRecord> = Update<E>['changes'][number]['patch']

interface Saved {
  id: number
  version: number
}

/**
 * The form of a record's own fields. Submitting validates, sends only the
 * fields that changed (`toRecord` turns form values into record values, e.g.
 * a picked day into its date), and saves them against the version on screen,
 * the way a grid edit does: a record changed meanwhile is refused (CONFLICT)
 * and the refusal is kept for the form to show.
 */
export function useRecordFieldsForm<E extends EditableRecord, V extends { name: string }>(
  entity: E,
  record: Saved & Readonly<Record<string, unknown>>,
  toRecord: (values: V) => Record<string, unknown> = (values) => values,
) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<V>()
  const { saving, serverError, save } = useServerSave()

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const fields = changedFields(record, toRecord(values)) as RecordPatch<E>
    if (Object.keys(fields).length === 0) return
    await save(async () => {
      const input = { entity, changes: [{ id: record.id, version: record.version, patch: fields }] } as Update<E>
      await api.call('grid.update', input)
      void message.success(t('records.saved', { name: values.name }))
    })
  }
  return { form, saving, serverError, submit, formKey: `${record.id}:${record.version}` }
}
