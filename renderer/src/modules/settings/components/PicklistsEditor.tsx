import { DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Flex, Space, Switch, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PicklistItem } from '../../../../../shared/entities'
import type { PicklistList } from '../../../../../shared/methods/config'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/useApiQuery'
import { useLabels } from '../../reference/hooks/useLabels'
import { useConfigWrite } from '../hooks/useConfigWrite'
import { NamesModal, type Names } from './NamesModal'
import { PicklistMergeModal } from './PicklistMergeModal'
import { PicklistValueModal, type PicklistValueFormValues } from './PicklistValueModal'
import { SortableTable } from './SortableTable'

/** A new list's key from its English name: "Budget source" → budget_source. */
function keyFromName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 36)
  return /^[a-z]/.test(slug) ? slug : `list_${slug || Date.now().toString(36)}`.slice(0, 40)
}

/** Every picklist (built-in and custom) as a tab with its values. */
export function PicklistsEditor() {
  const { t } = useTranslation()
  const labels = useLabels()
  const lists = useApiQuery('picklists.lists', {}, { reads: [] })
  const write = useConfigWrite()
  const [creating, setCreating] = useState(false)
  const [activeKey, setActiveKey] = useState<string>()

  const createList = async ({ nameZh, nameEn }: Names) => {
    const created = await write.run(() => api.call('picklists.createList', { key: keyFromName(nameEn), labelZh: nameZh, labelEn: nameEn }))
    lists.refetch()
    if (!created) return
    setCreating(false)
    setActiveKey(created.key)
  }

  return (
    <>
      <Tabs
        tabPlacement="start"
        activeKey={activeKey ?? lists.data?.[0]?.key}
        onChange={setActiveKey}
        tabBarExtraContent={{
          left: (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} style={{ marginBottom: 8 }}>
              {t('configUi.picklists.addList')}
            </Button>
          ),
        }}
        items={(lists.data ?? []).map((list) => ({
          key: list.key,
          label: labels.bilingual(list.labelZh, list.labelEn),
          children: <PicklistValuesTable list={list} onChanged={lists.refetch} />,
        }))}
      />
      <NamesModal
        open={creating}
        title={t('configUi.picklists.addList')}
        initial={null}
        saving={write.busy}
        onCancel={() => setCreating(false)}
        onSave={(names) => void createList(names)}
      />
    </>
  )
}

type Editing = { item: PicklistItem | null } | null

function PicklistValuesTable({ list, onChanged }: { list: PicklistList; onChanged(): void }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const labels = useLabels()
  const write = useConfigWrite()
  const [editing, setEditing] = useState<Editing>(null)
  const [merging, setMerging] = useState<PicklistItem | null>(null)
  const items = labels.picklistItems(list.key).toSorted((a, b) => a.sortOrder - b.sortOrder)
  const nameOf = (i: PicklistItem) => labels.bilingual(i.labelZh, i.labelEn)

  const saveValue = (input: Omit<PicklistValueFormValues, 'value'> & { value: string; active?: boolean; sortOrder?: number }) =>
    write.run(() => api.call('picklists.saveValue', { listKey: list.key, ...input }))

  const save = async (values: PicklistValueFormValues) => {
    if (await saveValue(values)) {
      setEditing(null)
      onChanged()
    }
  }

  const merge = async (intoValue: string) => {
    const from = merging
    if (!from) return
    const result = await write.run(() => api.call('picklists.merge', { listKey: list.key, fromValue: from.value, intoValue }), { silent: true })
    if (!result) return
    setMerging(null)
    onChanged()
    void message.success(t('configUi.picklists.merged', { count: result.moved }))
  }

  const remove = (item: PicklistItem) =>
    modal.confirm({
      title: t('configUi.picklists.deleteConfirm', { name: nameOf(item) }),
      okButtonProps: { danger: true },
      onOk: async () => {
        await write.run(() => api.call('picklists.deleteValue', { listKey: list.key, value: item.value }))
        onChanged()
      },
    })

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {list.fixedValues ? t('configUi.picklists.fixedHelp') : t('configUi.picklists.help')}
      </Typography.Text>
      <SortableTable<PicklistItem>
        aria-label={labels.bilingual(list.labelZh, list.labelEn)}
        rows={items}
        rowKey={(i) => i.value}
        handleLabel={(i) => t('configUi.dragRow', { name: nameOf(i) })}
        onReorder={(next) => void write.run(() => api.call('picklists.reorder', { listKey: list.key, values: next.map((i) => i.value) }), { silent: true })}
        columns={[
          { key: 'labelZh', title: t('configUi.labelZh'), render: (_, i) => <Tag color={i.color ?? undefined}>{i.labelZh}</Tag> },
          { key: 'labelEn', title: t('configUi.labelEn'), render: (_, i) => i.labelEn },
          { key: 'value', title: t('configUi.key'), render: (_, i) => <code>{i.value}</code> },
          {
            key: 'active',
            title: t('configUi.active'),
            width: 70,
            render: (_, i) => (
              <Switch
                size="small"
                checked={i.active}
                aria-label={t('configUi.activeOf', { name: nameOf(i) })}
                onChange={(active) => void saveValue({ value: i.value, labelZh: i.labelZh, labelEn: i.labelEn, color: i.color, active })}
              />
            ),
          },
          {
            key: 'actions',
            width: 120,
            render: (_, i) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('configUi.editOf', { name: nameOf(i) })} onClick={() => setEditing({ item: i })} />
                {!list.fixedValues && (
                  <>
                    <Button size="small" type="text" icon={<MergeCellsOutlined aria-hidden />} aria-label={t('configUi.picklists.mergeOf', { name: nameOf(i) })} onClick={() => setMerging(i)} />
                    <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('configUi.deleteOf', { name: nameOf(i) })} onClick={() => remove(i)} />
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {!list.fixedValues && (
        <Flex>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ item: null })}>
            {t('configUi.picklists.addValue')}
          </Button>
        </Flex>
      )}
      <PicklistValueModal open={editing !== null} item={editing?.item ?? null} saving={write.busy} onCancel={() => setEditing(null)} onSave={(v) => void save(v)} />
      <PicklistMergeModal from={merging} items={items} saving={write.busy} onCancel={() => setMerging(null)} onMerge={(v) => void merge(v)} />
    </Flex>
  )
}
