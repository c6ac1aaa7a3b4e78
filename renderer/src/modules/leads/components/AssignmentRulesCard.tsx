import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Input, Select, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AssignmentMatchField } from '../../../../../shared/methods/loop'
import { isApiCallError } from '../../../api/ApiCallError'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'
import { SortableTable } from '../../settings/components/SortableTable'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { matchPicklist, newDraft, toDraft, toRuleInputs, withAssignType, type RuleDraft } from '../utils/ruleDrafts'

const ANY = '__any__'

/** 分配规则: ordered rules that give a new lead to a rep or a round robin; the first match wins. */
export function AssignmentRulesCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { currentUserId } = usePreferences()
  const { users } = useReferenceData()
  const labels = useLabels()
  const picklist = usePicklistOptions()
  const saved = useApiQuery('assignmentRules.list', {}, { reads: [] })
  const [drafts, setDrafts] = useState<RuleDraft[] | null>(null)
  const [added, setAdded] = useState(0)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const rows = drafts ?? (saved.data ?? []).map(toDraft)
  const userOptions = users.filter((u) => u.active).map((u) => ({ value: u.id, label: labels.userName(u.id) }))

  const change = (key: string, update: (rule: RuleDraft) => RuleDraft) => setDrafts(rows.map((r) => (r.key === key ? update(r) : r)))

  const add = () => {
    const fallbackUser = currentUserId ?? users.find((u) => u.active)?.id
    if (fallbackUser === undefined) return
    setAdded(added + 1)
    setDrafts([...rows, newDraft(added + 1, fallbackUser)])
  }

  const save = async () => {
    setSaving(true)
    setError(undefined)
    try {
      await api.call('assignmentRules.save', { rules: toRuleInputs(rows) })
      setDrafts(null)
      saved.refetch()
      void message.success(t('leads.rules.saved'))
    } catch (err) {
      if (!isApiCallError(err)) throw err
      setError(err.message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      title={t('leads.rules.title')}
      extra={
        <Flex gap={8}>
          <Button icon={<PlusOutlined aria-hidden />} onClick={add}>
            {t('leads.rules.add')}
          </Button>
          <Button disabled={drafts === null} onClick={() => setDrafts(null)}>
            {t('common.reset')}
          </Button>
          <Button type="primary" disabled={drafts === null} loading={saving} onClick={() => void save()}>
            {t('leads.rules.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('leads.rules.explain')}</Typography.Paragraph>
      {(error ?? saved.error?.message) && <Alert type="error" showIcon title={error ?? saved.error?.message} className="wb-form-alert" />}
      <SortableTable<RuleDraft>
        aria-label={t('leads.rules.title')}
        rows={rows}
        rowKey={(r) => r.key}
        loading={saved.loading && !saved.data}
        locale={{ emptyText: t('leads.rules.empty') }}
        handleLabel={(r) => t('leads.rules.drag', { name: r.name || t('leads.rules.unnamed') })}
        onReorder={setDrafts}
        columns={[
          {
            key: 'name',
            title: t('leads.rules.name'),
            width: 160,
            render: (_, r) => (
              <Input value={r.name} maxLength={200} aria-label={t('leads.rules.name')} onChange={(e) => change(r.key, (x) => ({ ...x, name: e.target.value }))} />
            ),
          },
          {
            key: 'match',
            title: t('leads.rules.when'),
            render: (_, r) => (
              <Flex gap={6}>
                <Select<string>
                  aria-label={t('leads.rules.matchField')}
                  style={{ width: 110 }}
                  value={r.matchField ?? ANY}
                  onChange={(v) => change(r.key, (x) => ({ ...x, matchField: v === ANY ? null : AssignmentMatchField.parse(v), matchValues: [] }))}
                  options={[
                    ...AssignmentMatchField.options.map((f) => ({ value: f, label: t(`leads.rules.fields.${f}`) })),
                    { value: ANY, label: t('leads.rules.any') },
                  ]}
                />
                {r.matchField !== null && (
                  <Select<string[]>
                    mode="tags"
                    aria-label={t('leads.rules.values')}
                    style={{ minWidth: 160, flex: 1 }}
                    value={r.matchValues}
                    onChange={(v) => change(r.key, (x) => ({ ...x, matchValues: v }))}
                    options={picklist(matchPicklist[r.matchField])}
                  />
                )}
              </Flex>
            ),
          },
          {
            key: 'assign',
            title: t('leads.rules.assignTo'),
            render: (_, r) => (
              <Flex gap={6}>
                <Select<'user' | 'roundRobin'>
                  aria-label={t('leads.rules.assignType')}
                  style={{ width: 110 }}
                  value={r.assignTo.type}
                  onChange={(type) => change(r.key, (x) => withAssignType(x, type))}
                  options={[
                    { value: 'user', label: t('leads.rules.user') },
                    { value: 'roundRobin', label: t('leads.rules.roundRobin') },
                  ]}
                />
                {r.assignTo.type === 'user' ? (
                  <Select<number>
                    aria-label={t('leads.rules.user')}
                    style={{ minWidth: 120 }}
                    value={r.assignTo.userId}
                    onChange={(userId) => change(r.key, (x) => ({ ...x, assignTo: { type: 'user', userId } }))}
                    options={userOptions}
                  />
                ) : (
                  <Select<number[]>
                    mode="multiple"
                    aria-label={t('leads.rules.group')}
                    style={{ minWidth: 180 }}
                    value={r.assignTo.userIds}
                    onChange={(userIds) => userIds.length > 0 && change(r.key, (x) => ({ ...x, assignTo: { type: 'roundRobin', userIds } }))}
                    options={userOptions}
                  />
                )}
              </Flex>
            ),
          },
          {
            key: 'active',
            title: t('leads.rules.active'),
            width: 70,
            render: (_, r) => (
              <Switch checked={r.active ?? true} aria-label={t('leads.rules.active')} onChange={(active) => change(r.key, (x) => ({ ...x, active }))} />
            ),
          },
          {
            key: 'remove',
            width: 50,
            render: (_, r) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('leads.rules.remove', { name: r.name || t('leads.rules.unnamed') })}
                onClick={() => setDrafts(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
    </Card>
  )
}
