import { App, Button, Flex, Form, Radio } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lead } from '../../../../../shared/entities'
import type { Bant, BantKey } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { bantKeys } from '../utils/ratingReasons'

type Answer = 'yes' | 'no' | 'unknown'
type Answers = Record<BantKey, Answer>

const toAnswer = (value: boolean | undefined): Answer => (value === undefined ? 'unknown' : value ? 'yes' : 'no')

/** Unknown answers are left out: the core keeps what it knew. */
function toBant(answers: Answers): Bant {
  return Object.fromEntries(bantKeys.filter((k) => answers[k] !== 'unknown').map((k) => [k, answers[k] === 'yes'])) as Bant
}

/** 资格确认: budget, authority, need and timeline; saving re-rates the lead. */
export function BantForm({ lead, bant }: { lead: Lead; bant: Bant }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Answers>()
  const [saving, setSaving] = useState(false)
  const initial = Object.fromEntries(bantKeys.map((k) => [k, toAnswer(bant[k])])) as Answers

  const save = async (answers: Answers) => {
    setSaving(true)
    try {
      const updated = await api.call('leads.qualify', { id: lead.id, version: lead.version, bant: toBant(answers) })
      void message.success(t('leads.bant.saved', { grade: updated.grade ?? '—', score: updated.score ?? 0 }))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      void message.error(err.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<Answers> form={form} layout="horizontal" labelCol={{ span: 6 }} initialValues={initial} onFinish={(v) => void save(v)} key={lead.version}>
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
      <Flex justify="end">
        <Button type="primary" htmlType="submit" loading={saving} disabled={lead.status === 'converted'}>
          {t('leads.bant.submit')}
        </Button>
      </Flex>
    </Form>
  )
}
