import { DeleteOutlined, EditOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons'
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core'
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { App, Button, Card, Flex, Space, Spin, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { customFieldKeyOf } from '../../../../../shared/columns'
import type { FormLayout, LayoutEntity, LayoutSection } from '../../../../../shared/methods/config'
import { LayoutEntity as LayoutEntities } from '../../../../../shared/methods/config'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'
import { useApiQuery } from '../../../api/useApiQuery'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { usePreferences } from '../../preferences/hooks/usePreferences'
import { NamesModal, type Names } from '../../settings/components/NamesModal'
import { layoutFieldLabel, moveField, newSectionKey, removeSection } from '../utils/layoutFields'

const SECTION = 'section:'

/** Where the pointer is wins (an empty section is a target); the keyboard, with no pointer, uses the nearest. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args)
  return within.length > 0 ? within : closestCenter(args)
}

/** Form layouts per entity: fields arranged into sections, ordered by dragging. */
export function LayoutsEditor() {
  const { t } = useTranslation()
  return (
    <Tabs
      destroyOnHidden
      items={LayoutEntities.options.map((entity) => ({ key: entity, label: t(`layouts.entities.${entity}`), children: <LayoutEditor entity={entity} /> }))}
    />
  )
}

function LayoutEditor({ entity }: { entity: LayoutEntity }) {
  const query = useApiQuery('layouts.get', { entity }, { reads: [] })
  if (!query.data) return <Spin />
  // Each saved (or reset) layout starts a fresh edit.
  return <LayoutForm key={JSON.stringify(query.data)} layout={query.data} onSaved={query.refetch} />
}

function LayoutForm({ layout, onSaved }: { layout: FormLayout; onSaved(): void }) {
  const { entity } = layout
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { locale } = usePreferences()
  const customFields = useCustomFields(entity)
  const [sections, setSections] = useState<LayoutSection[]>(layout.sections)
  const [renaming, setRenaming] = useState<LayoutSection | null>(null)
  const [busy, setBusy] = useState(false)
  const [adding, setAdding] = useState(false)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  const label = (field: string) =>
    layoutFieldLabel(entity, field, locale === 'zh-CN', customFields, (f) =>
      entity === 'opportunity' && i18n.exists(`opportunityForm.fields.${f}`) ? t(`opportunityForm.fields.${f}`) : undefined,
    )
  const sectionOf = (field: string) => sections.find((s) => s.fields.includes(field))

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const field = String(active.id)
    const overId = String(over.id)
    const target = overId.startsWith(SECTION) ? sections.find((s) => SECTION + s.key === overId) : sectionOf(overId)
    if (!target) return
    const index = overId.startsWith(SECTION) ? undefined : target.fields.indexOf(overId)
    setSections(moveField(sections, field, target.key, index))
  }

  const save = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      void message.success(done)
      onSaved()
    } catch (error) {
      void message.error(isApiCallError(error) ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const rename = (names: Names) => {
    if (renaming) setSections(sections.map((s) => (s.key === renaming.key ? { ...s, labelZh: names.nameZh, labelEn: names.nameEn } : s)))
    else setSections([...sections, { key: newSectionKey(sections), labelZh: names.nameZh, labelEn: names.nameEn, fields: [] }])
    setRenaming(null)
    setAdding(false)
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('layouts.help')}</Typography.Text>
      <DndContext sensors={sensors} collisionDetection={collision} onDragEnd={onDragEnd}>
        <Flex gap={12} wrap align="start">
          {sections.map((section) => (
            <SectionCard
              key={section.key}
              section={section}
              title={locale === 'zh-CN' ? section.labelZh : section.labelEn}
              label={label}
              canRemove={sections.length > 1}
              onRename={() => setRenaming(section)}
              onRemove={() => setSections(removeSection(sections, section.key))}
            />
          ))}
        </Flex>
      </DndContext>
      <Space>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
          {t('layouts.addSection')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save(() => api.call('layouts.save', { entity, sections }), t('layouts.saved'))}>
          {t('layouts.save')}
        </Button>
        <Button disabled={layout.isDefault} onClick={() => void save(() => api.call('layouts.reset', { entity }), t('layouts.wasReset'))}>
          {t('layouts.reset')}
        </Button>
      </Space>
      <NamesModal
        open={renaming !== null || adding}
        title={renaming ? t('layouts.renameSection') : t('layouts.addSection')}
        initial={renaming ? { nameZh: renaming.labelZh, nameEn: renaming.labelEn } : null}
        saving={false}
        onCancel={() => {
          setRenaming(null)
          setAdding(false)
        }}
        onSave={rename}
      />
    </Flex>
  )
}

interface SectionProps {
  section: LayoutSection
  title: string
  label(field: string): string
  canRemove: boolean
  onRename(): void
  onRemove(): void
}

function SectionCard({ section, title, label, canRemove, onRename, onRemove }: SectionProps) {
  const { t } = useTranslation()
  const { setNodeRef, isOver } = useDroppable({ id: SECTION + section.key })
  return (
    <Card
      size="small"
      title={title}
      style={{ width: 280, outline: isOver ? '2px dashed var(--ant-color-primary)' : undefined }}
      data-testid={`layout-section-${section.key}`}
      extra={
        <Space size={0}>
          <Button size="small" type="text" icon={<EditOutlined aria-hidden />} aria-label={t('layouts.renameOf', { name: title })} onClick={onRename} />
          <Button
            size="small"
            type="text"
            danger
            disabled={!canRemove}
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('layouts.removeOf', { name: title })}
            onClick={onRemove}
          />
        </Space>
      }
    >
      <SortableContext items={section.fields} strategy={verticalListSortingStrategy}>
        <Flex vertical gap={4} ref={setNodeRef} style={{ minHeight: 40 }} role="list" aria-label={title}>
          {section.fields.map((field) => (
            <FieldItem key={field} field={field} label={label(field)} />
          ))}
          {section.fields.length === 0 && <Typography.Text type="secondary">{t('layouts.dropHere')}</Typography.Text>}
        </Flex>
      </SortableContext>
    </Card>
  )
}

function FieldItem({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: field })
  return (
    <Flex
      ref={setNodeRef}
      role="listitem"
      align="center"
      gap={6}
      className="wb-layout-field"
      style={{
        transform: transform ? `translate3d(${Math.round(transform.x)}px, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
        opacity: isDragging ? 0.6 : 1,
        padding: '2px 6px',
        border: '1px solid var(--ant-color-border-secondary)',
        borderRadius: 4,
        background: 'var(--ant-color-bg-container)',
      }}
    >
      <Button size="small" type="text" icon={<HolderOutlined aria-hidden />} aria-label={t('layouts.drag', { name: label })} {...attributes} {...listeners} />
      <span>{label}</span>
      {customFieldKeyOf(field) !== null && <Tag color="blue">{t('layouts.custom')}</Tag>}
    </Flex>
  )
}
