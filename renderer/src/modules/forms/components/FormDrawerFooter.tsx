import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  saving: boolean
  submitLabel: string
  onCancel(): void
  onSubmit(): void
}

/** A create drawer's footer: cancel, and the primary save that spins while the call runs. */
export function FormDrawerFooter({ saving, submitLabel, onCancel, onSubmit }: Props) {
  const { t } = useTranslation()
  return (
    <Flex justify="end" gap={8}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" loading={saving} onClick={onSubmit}>
        {submitLabel}
      </Button>
    </Flex>
  )
}
