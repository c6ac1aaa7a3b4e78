import { ColorPicker, Form, Input, Modal } from 'antd'
import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { PicklistItem } from '../../../../../shared/entities'

export interface PicklistValueFormValues {
  value: string
  labelZh: string
  labelEn: string
  color: string | null
}

interface Props {
  open: boolean
  /** The value being edited, or null to add one. */
  item: PicklistItem | null
  saving: boolean
  onCancel(): void
  onSave(values: PicklistValueFormValues): void
}

const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

/** A value's Chinese and English labels and colour; a new value also gets its stored key. */
export function PicklistValueModal({ open, item, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation()
  // Several of these dialogs can be mounted at once: each form's field ids must be its own.
  const formName = useId()
  const [form] = Form.useForm<PicklistValueFormValues>()
  useEffect(() => {
    if (open) form.setFieldsValue(item ? { value: item.value, labelZh: item.labelZh, labelEn: item.labelEn, color: item.color } : { value: '', labelZh: '', labelEn: '', color: null })
  }, [open, item, form])

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (values) onSave(values)
  }

  return (
    <Modal
      open={open}
      title={item ? t('configUi.picklists.editValue') : t('configUi.picklists.addValue')}
      okText={t('configUi.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form form={form} layout="vertical" name={formName}>
        <Form.Item name="labelZh" label={t('configUi.labelZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="labelEn" label={t('configUi.labelEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('configUi.key')}
          extra={t('configUi.keyHelp')}
          rules={[{ required: true }, { pattern: KEY_PATTERN, message: t('configUi.keyInvalid') }]}
        >
          <Input disabled={item !== null} />
        </Form.Item>
        <Form.Item name="color" label={t('configUi.picklists.color')} getValueFromEvent={(color: { toHexString(): string } | null) => color?.toHexString() ?? null}>
          <ColorPicker allowClear disabledAlpha format="hex" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
