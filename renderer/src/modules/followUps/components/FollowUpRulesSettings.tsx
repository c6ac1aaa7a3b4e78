import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LoopConfig } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { RunRulesButton } from './RunRulesButton'

type Values = Pick<LoopConfig, 'reminders' | 'carePlan'>

/** Settings → 跟进与提醒: the automatic reminder windows and the after-sales care plan, from loopConfig. */
export function FollowUpRulesSettings() {
  const config = useApiQuery('loopConfig.get', {}, { reads: [] })
  if (config.error) return <Alert type="error" showIcon title={config.error.message} />
  if (!config.data) return <Skeleton active />
  // Keyed on the saved values so a save elsewhere resets the form to them.
  return <RulesForm key={JSON.stringify([config.data.reminders, config.data.carePlan])} saved={config.data} onSaved={config.refetch} />
}

function RulesForm({ saved, onSaved }: { saved: LoopConfig; onSaved(): void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const { saving, serverError, save: saveWith } = useServerSave()
  const required = [{ required: true, message: t('validation.required') }]

  const number = (name: keyof LoopConfig['reminders'], max: number, unit: string) => (
    <Form.Item label={t(`followUps.rules.${name}`)}>
      <Flex gap={8} align="center">
        <Form.Item name={['reminders', name]} rules={required} noStyle>
          <InputNumber<number> aria-label={t(`followUps.rules.${name}`)} min={name === 'followUpLookbackDays' || name === 'birthdayDaysAhead' ? 0 : 1} max={max} precision={0} />
        </Form.Item>
        <span>{unit}</span>
      </Flex>
    </Form.Item>
  )

  const save = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await saveWith(async () => {
      await api.call('loopConfig.update', { reminders: values.reminders, carePlan: values.carePlan ?? [] })
      void message.success(t('followUps.rules.saved'))
      onSaved()
    })
  }

  return (
    <Card>
      <Flex gap={16} align="start" justify="space-between">
        <Typography.Paragraph type="secondary" className="wb-readable">
          {t('followUps.rules.intro')}
        </Typography.Paragraph>
        <RunRulesButton />
      </Flex>
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ reminders: saved.reminders, carePlan: saved.carePlan }} style={{ maxWidth: 720 }}>
        {number('followUpLookbackDays', 60, t('followUps.rules.days'))}
        {number('uncontactedHours', 24 * 60, t('followUps.rules.hours'))}
        {number('renewalDays', 365, t('followUps.rules.days'))}
        {number('birthdayDaysAhead', 30, t('followUps.rules.days'))}
        <Typography.Title level={5}>{t('followUps.rules.carePlan')}</Typography.Title>
        <Form.List name="carePlan">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} style={{ flex: 1 }}>
                    <Input aria-label={`${t('followUps.rules.careTitle')} ${i + 1}`} placeholder={t('followUps.rules.careTitle')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'offsetDays']} rules={required}>
                    <InputNumber<number>
                      aria-label={`${t('followUps.rules.careOffset')} ${i + 1}`}
                      placeholder={t('followUps.rules.careOffset')}
                      min={0}
                      max={3650}
                      precision={0}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('followUps.rules.removeStep')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', offsetDays: 30 })} disabled={fields.length >= 20}>
                {t('followUps.rules.addStep')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex justify="end">
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('followUps.rules.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  )
}
