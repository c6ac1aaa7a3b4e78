import { Checkbox, Form, Input, Modal, Select } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CustomFieldType, type CustomField, type CustomFieldEntity, type CustomValue } from '../../../../../shared/entities'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { picklistTypes } from '../utils/fieldTypes'
import { CustomValueInput } from './CustomValueInput'

export interface CustomFieldFormValues {
  key: string
  labelZh: string
  labelEn: string
  type: CustomFieldType
  picklistKey: string | null
  required: boolean
  requiredStageIds: number[]
  defaultValue: CustomValue | null
  helpText: string | null
}

interface Props {
  entity: CustomFieldEntity
  /** The field being edited, or null to add one. Key and type of an existing field are not edited here. */
  field: CustomField | null
  open: boolean
  saving: boolean
  onCancel(): void
  onSave(values: CustomFieldFormValues): void
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

/** Adds or edits one custom field: labels, type, picklist, required (always or per stage), default, help text. */
export function CustomFieldFormModal({ entity, field, open, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const { pipelines, stages } = useReferenceData()
  const picklistOptions = usePicklistOptions()
  const [form] = Form.useForm<CustomFieldFormValues>()
  const type = Form.useWatch('type', form) ?? field?.type ?? 'text'
  const picklistKey = Form.useWatch('picklistKey', form) ?? null

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(
      field
        ? { ...field }
        : { key: '', labelZh: '', labelEn: '', type: 'text', picklistKey: null, required: false, requiredStageIds: [], defaultValue: null, helpText: null },
    )
  }, [open, field, form])

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    onSave({ ...values, helpText: values.helpText?.trim() || null, picklistKey: picklistTypes.has(values.type) ? values.picklistKey : null })
  }

  const stageOptions = pipelines
    .toSorted((a, b) => a.sortOrder - b.sortOrder)
    .map((p) => ({
      label: labels.bilingual(p.nameZh, p.nameEn),
      options: stages
        .filter((s) => s.pipelineId === p.id)
        .toSorted((a, b) => a.sortOrder - b.sortOrder)
        .map((s) => ({ value: s.id, label: labels.bilingual(s.nameZh, s.nameEn) })),
    }))

  return (
    <Modal
      open={open}
      title={field ? t('customFields.edit', { name: labels.bilingual(field.labelZh, field.labelEn) }) : t('customFields.add')}
      okText={t('customFields.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      forceRender
      width={560}
    >
      <Form form={form} layout="vertical" name="custom-field-form">
        <Form.Item name="labelZh" label={t('customFields.labelZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="labelEn" label={t('customFields.labelEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('customFields.key')}
          extra={t('customFields.keyHelp')}
          rules={[{ required: true }, { pattern: KEY_PATTERN, message: t('customFields.keyInvalid') }]}
        >
          <Input disabled={field !== null} />
        </Form.Item>
        <Form.Item name="type" label={t('customFields.type')} extra={field ? t('customFields.typeChangeHint') : undefined}>
          <Select
            disabled={field !== null}
            options={CustomFieldType.options.map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
            onChange={() => form.setFieldValue('defaultValue', null)}
          />
        </Form.Item>
        {picklistTypes.has(type) && (
          <Form.Item name="picklistKey" label={t('customFields.picklist')} rules={[{ required: true }]}>
            <Select disabled={field !== null} options={picklistOptions} onChange={() => form.setFieldValue('defaultValue', null)} />
          </Form.Item>
        )}
        <Form.Item name="required" valuePropName="checked">
          <Checkbox>{t('customFields.required')}</Checkbox>
        </Form.Item>
        {entity === 'opportunity' && (
          <Form.Item name="requiredStageIds" label={t('customFields.requiredStages')} extra={t('customFields.requiredStagesHelp')}>
            <Select mode="multiple" allowClear options={stageOptions} />
          </Form.Item>
        )}
        <Form.Item name="defaultValue" label={t('customFields.defaultValue')}>
          <CustomValueInput type={type} picklistKey={picklistKey} />
        </Form.Item>
        <Form.Item name="helpText" label={t('customFields.helpText')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
