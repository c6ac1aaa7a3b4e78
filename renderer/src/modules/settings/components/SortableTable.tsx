import { HolderOutlined } from '@ant-design/icons'
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core'
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { Button, Table, type TableProps } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { createContext, useContext, useMemo, type CSSProperties, type HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type Handle = Pick<ReturnType<typeof useSortable>, 'attributes' | 'listeners' | 'setActivatorNodeRef'>
const HandleContext = createContext<Handle | null>(null)

/** The grip a row is dragged by; Space then the arrow keys move it without a mouse. */
function DragHandle({ label }: { label: string }) {
  const handle = useContext(HandleContext)
  return (
    <Button
      type="text"
      size="small"
      icon={<HolderOutlined aria-hidden />}
      aria-label={label}
      style={{ cursor: 'grab' }}
      ref={handle?.setActivatorNodeRef}
      {...handle?.attributes}
      {...handle?.listeners}
    />
  )
}

function SortableRow(props: HTMLAttributes<HTMLTableRowElement> & { 'data-row-key': string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: props['data-row-key'],
  })
  const style: CSSProperties = {
    ...props.style,
    transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
    transition,
    ...(isDragging ? { position: 'relative', zIndex: 9, background: 'var(--ant-color-bg-container)' } : {}),
  }
  const handle = useMemo(() => ({ attributes, listeners, setActivatorNodeRef }), [attributes, listeners, setActivatorNodeRef])
  return (
    <HandleContext.Provider value={handle}>
      <tr {...props} ref={setNodeRef} style={style} />
    </HandleContext.Provider>
  )
}

interface Props<T> extends Omit<TableProps<T>, 'rowKey' | 'components' | 'columns'> {
  rows: T[]
  rowKey(row: T): string
  /** The handle's accessible name for a row, e.g. "拖动排序：赢单". */
  handleLabel(row: T): string
  columns: ColumnsType<T>
  /** Called with the rows in their new order after a drop. */
  onReorder(next: T[]): void
}

/** A table whose rows are reordered by dragging their grip (or with the keyboard). */
export function SortableTable<T extends object>({ rows, rowKey, handleLabel, columns, onReorder, ...rest }: Props<T>) {
  const { t } = useTranslation()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const keys = rows.map(rowKey)
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = keys.indexOf(String(active.id))
    const to = keys.indexOf(String(over.id))
    if (from >= 0 && to >= 0) onReorder(arrayMove(rows, from, to))
  }
  const withHandle: ColumnsType<T> = [
    { key: 'drag', width: 44, title: t('configUi.order'), render: (_, row) => <DragHandle label={handleLabel(row)} /> },
    ...columns,
  ]
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={keys} strategy={verticalListSortingStrategy}>
        <Table<T>
          size="small"
          pagination={false}
          {...rest}
          rowKey={rowKey}
          dataSource={rows}
          columns={withHandle}
          components={{ body: { row: SortableRow } }}
        />
      </SortableContext>
    </DndContext>
  )
}
