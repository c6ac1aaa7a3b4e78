import { Form, Input, Modal } from 'antd'
import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'

export interface Names {
  nameZh: string
  nameEn: string
}

interface Props {
  open: boolean
  title: string
  initial: Names | null
  saving: boolean
  onCancel(): void
  onSave(names: Names): void
}

/** Asks for a Chinese and an English name (a new pipeline, a renamed one, a custom picklist). */
export function NamesModal({ open, title, initial, saving, onCancel, onSave }: Props) {
  const { t } = useTranslation()
  // Several of these dialogs can be mounted at once: each form's field ids must be its own.
  const formName = useId()
  const [form] = Form.useForm<Names>()
  useEffect(() => {
    if (open) form.setFieldsValue(initial ?? { nameZh: '', nameEn: '' })
  }, [open, initial, form])

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (values) onSave({ nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim() })
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={t('configUi.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form form={form} layout="vertical" name={formName}>
        <Form.Item name="nameZh" label={t('configUi.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('configUi.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  )
}
