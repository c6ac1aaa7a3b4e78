import { App, Form } from 'antd'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../../../../shared/api'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { changedFields } from '../utils/changedFields'

export type EditableRecord = 'account' | 'contact'
type Update<E extends EditableRecord> = Extract<MethodInput<'grid.update'>, { entity: E }>
export type RecordPatch<E extends EditableRecord> = Update<E>['changes'][number]['patch']

type Saved = Readonly<Record<string, unknown>> & { id: number; version: number }

/** The values every record's fields form holds: the shell shows the name and the notes. */
export interface RecordFormValues {
  name: string
  notes: string | null
}

/** How a record's values become the form's and back (e.g. a date and a picked day). */
export interface FormCodec<R, V> {
  toForm(record: R): V
  toRecord(values: V): Record<string, unknown>
}

/** The form holds the record's values as they are. */
export function sameAsRecord<V>(): FormCodec<V, V> {
  return { toForm: (record) => record, toRecord: (values) => values as Record<string, unknown> }
}

/**
 * The form of a record's own fields. Submitting validates, sends only the
 * fields that changed, and saves them against the version on screen, the way
 * a grid edit does: a record changed meanwhile is refused (CONFLICT) and the
 * refusal is kept for the form to show.
 */
export function useRecordFieldsForm<E extends EditableRecord, R extends Saved, V extends RecordFormValues>(entity: E, record: R, codec: FormCodec<NoInfer<R>, V>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<V>()
  const { saving, serverError, save } = useServerSave()

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const fields = changedFields(record, codec.toRecord(values)) as RecordPatch<E>
    if (Object.keys(fields).length === 0) return
    await save(async () => {
      const input = { entity, changes: [{ id: record.id, version: record.version, patch: fields }] } as Update<E>
      await api.call('grid.update', input)
      void message.success(t('records.saved', { name: values.name }))
    })
  }
  const label = (key: keyof V & string) => {
    // Typed as a plain key: i18next cannot check one built from generic parts.
    const path: string = `records.${entity}.fields.${key}`
    return t(path)
  }
  return {
    form,
    initialValues: codec.toForm(record),
    /** Changes with the record's version, so a save elsewhere resets the form. */
    formKey: `${record.id}:${record.version}`,
    saving,
    serverError,
    submit,
    label,
  }
}

/** What the fields form shows and does, for one record. */
export type RecordFieldsFormState<V extends RecordFormValues> = ReturnType<typeof useRecordFieldsForm<EditableRecord, Saved, V>>
