import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons'
import { App, Button, Flex, Space, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CustomFieldEntity, type CustomField } from '../../../../../shared/entities'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { useApiQuery } from '../../../api/useApiQuery'
import { useLabels } from '../../reference/hooks/useLabels'
import { SortableTable } from '../../settings/components/SortableTable'
import { usePicklistOptions } from '../hooks/usePicklistOptions'
import { reloadCustomFields } from '../utils/customFieldLoader'
import { ChangeTypeModal } from './ChangeTypeModal'
import { CustomFieldFormModal, type CustomFieldFormValues } from './CustomFieldFormModal'

/** Custom fields per entity: add, edit, reorder, change type, delete to the trash and restore. */
export function CustomFieldsManager() {
  const { t } = useTranslation()
  return (
    <Tabs
      items={CustomFieldEntity.options.map((entity) => ({
        key: entity,
        label: t(`customFields.entities.${entity}`),
        children: <EntityFields entity={entity} />,
      }))}
      destroyOnHidden
    />
  )
}

type Editing = { field: CustomField | null } | null

function EntityFields({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const labels = useLabels()
  const query = useApiQuery('customFields.list', { entity, includeDeleted: true }, { reads: [] })
  const [editing, setEditing] = useState<Editing>(null)
  const [retyping, setRetyping] = useState<CustomField | null>(null)
  const [saving, setSaving] = useState(false)
  const picklists = usePicklistOptions()
  const fields = query.data ?? []
  const live = fields.filter((f) => f.deletedAt === null).toSorted((a, b) => a.position - b.position)
  const deleted = fields.filter((f) => f.deletedAt !== null)
  const nameOf = (f: CustomField) => labels.bilingual(f.labelZh, f.labelEn)

  /** Every write here: report the error, then reload this list and every screen's definitions. */
  const run = async <T,>(write: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setSaving(true)
    try {
      const result = await write()
      if (done) void message.success(done)
      return result
    } catch (error) {
      void message.error(isApiCallError(error) ? error.message : String(error))
      return undefined
    } finally {
      setSaving(false)
      query.refetch()
      await reloadCustomFields()
    }
  }

  const save = async ({ key, type, picklistKey, ...settings }: CustomFieldFormValues) => {
    const field = editing?.field
    const patch = { ...settings, requiredStageIds: entity === 'opportunity' ? settings.requiredStageIds : [] }
    const saved = await run(
      () =>
        field
          ? api.call('customFields.update', { id: field.id, version: field.version, patch })
          : api.call('customFields.create', { entity, key, type, picklistKey, ...patch, position: live.length }),
      t('customFields.saved'),
    )
    if (saved) setEditing(null)
  }

  const reorder = (next: CustomField[]) =>
    void run(async () => {
      for (const [position, field] of next.entries()) {
        if (field.position !== position) await api.call('customFields.update', { id: field.id, version: field.version, patch: { position } })
      }
    })

  const remove = (field: CustomField) =>
    modal.confirm({
      title: t('customFields.deleteConfirm', { name: nameOf(field) }),
      content: t('customFields.deleteHelp'),
      okButtonProps: { danger: true },
      onOk: () => run(() => api.call('customFields.delete', { id: field.id }), t('customFields.deleted')),
    })

  return (
    <Flex vertical gap={12}>
      <SortableTable<CustomField>
        aria-label={t('customFields.listLabel', { entity: t(`customFields.entities.${entity}`) })}
        loading={query.loading && !query.data}
        rows={live}
        rowKey={(f) => String(f.id)}
        handleLabel={(f) => t('customFields.drag', { name: nameOf(f) })}
        onReorder={reorder}
        locale={{ emptyText: t('customFields.none') }}
        columns={[
          { key: 'label', title: t('customFields.label'), render: (_, f) => <Typography.Text strong>{nameOf(f)}</Typography.Text> },
          { key: 'key', title: t('customFields.key'), render: (_, f) => <code>{f.key}</code> },
          {
            key: 'type',
            title: t('customFields.type'),
            render: (_, f) => (
              <Space size={4}>
                {t(`customFields.types.${f.type}`)}
                {f.picklistKey && <Tag>{picklists.find((p) => p.value === f.picklistKey)?.label ?? f.picklistKey}</Tag>}
              </Space>
            ),
          },
          {
            key: 'required',
            title: t('customFields.requiredShort'),
            render: (_, f) =>
              f.required ? (
                <Tag color="red">{t('customFields.always')}</Tag>
              ) : f.requiredStageIds.length ? (
                f.requiredStageIds.map((id) => <Tag key={id}>{labels.stageName(id)}</Tag>)
              ) : (
                t('common.empty')
              ),
          },
          { key: 'help', title: t('customFields.helpText'), render: (_, f) => f.helpText ?? t('common.empty') },
          {
            key: 'actions',
            width: 120,
            render: (_, f) => (
              <Space size={0}>
                <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('customFields.editOf', { name: nameOf(f) })} onClick={() => setEditing({ field: f })} />
                <Button size="small" type="text" icon={<SwapOutlined aria-hidden />} aria-label={t('customFields.changeTypeOf', { name: nameOf(f) })} onClick={() => setRetyping(f)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('customFields.deleteOf', { name: nameOf(f) })} onClick={() => remove(f)} />
              </Space>
            ),
          },
        ]}
      />
      <Flex>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ field: null })}>
          {t('customFields.add')}
        </Button>
      </Flex>
      {deleted.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('customFields.trash')}</Typography.Text>
          {deleted.map((f) => (
            <Flex key={f.id} align="center" gap={8}>
              <Typography.Text delete>{nameOf(f)}</Typography.Text>
              <code>{f.key}</code>
              <Button size="small" icon={<UndoOutlined aria-hidden />} onClick={() => void run(() => api.call('customFields.restore', { id: f.id }), t('customFields.restored'))}>
                {t('customFields.restore')}
              </Button>
            </Flex>
          ))}
        </Flex>
      )}
      <CustomFieldFormModal
        entity={entity}
        field={editing?.field ?? null}
        open={editing !== null}
        saving={saving}
        onCancel={() => setEditing(null)}
        onSave={(values) => void save(values)}
      />
      <ChangeTypeModal
        key={retyping?.id ?? 0}
        field={retyping}
        onClose={(changed) => {
          setRetyping(null)
          if (changed) void run(() => Promise.resolve(), t('customFields.changeType.done'))
        }}
      />
    </Flex>
  )
}
