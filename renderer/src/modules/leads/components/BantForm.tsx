import { Alert, App, Button, Flex, Form, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Lead } from '../../../../../shared/entities'
import type { Bant, BantAnswers, BantKey } from '../../../../../shared/methods/loop'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'
import { bantKeys } from '../utils/ratingReasons'

type Answer = 'yes' | 'no' | 'unknown'
type Answers = Record<BantKey, Answer>

const toAnswer = (value: boolean | undefined): Answer => (value === undefined ? 'unknown' : value ? 'yes' : 'no')

/** Every answer is sent: unknown as null, so an answer can be taken back. */
function toBant(answers: Answers): BantAnswers {
  return Object.fromEntries(bantKeys.map((k) => [k, answers[k] === 'unknown' ? null : answers[k] === 'yes'])) as BantAnswers
}

/** 资格确认: budget, authority, need and timeline; saving re-rates the lead. */
export function BantForm({ lead, bant }: { lead: Lead; bant: Bant }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Answers>()
  const { saving, serverError, save: run } = useServerSave()
  const initial = Object.fromEntries(bantKeys.map((k) => [k, toAnswer(bant[k])])) as Answers

  const save = (answers: Answers) =>
    run(async () => {
      const updated = await api.call('leads.qualify', { id: lead.id, version: lead.version, bant: toBant(answers) })
      void message.success(t('leads.bant.saved', { grade: updated.grade ?? '—', score: updated.score ?? 0 }))
    })

  return (
    <Form<Answers> form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={initial} onFinish={(answers) => void save(answers)} key={lead.version}>
      {bantKeys.map((key) => (
        <Form.Item key={key} name={key} label={t(`leads.bant.${key}`)} extra={t(`leads.bant.hints.${key}`)}>
          <Radio.Group
            optionType="button"
            aria-label={t(`leads.bant.${key}`)}
            options={[
              { value: 'yes', label: t('leads.bant.yes') },
              { value: 'no', label: t('leads.bant.no') },
              { value: 'unknown', label: t('leads.bant.unknown') },
            ]}
          />
        </Form.Item>
      ))}
      {serverError && <Alert type="error" showIcon title={serverError} className="wb-form-alert" />}
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={saving} disabled={lead.status === 'converted'}>
          {t('leads.bant.submit')}
        </Button>
      </Flex>
    </Form>
  )
}
