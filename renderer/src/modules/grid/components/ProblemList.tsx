import { Table } from 'antd'
import { useTranslation } from 'react-i18next'

export interface ProblemLine {
  key: string
  /** Where: "第 3 行 · 华东区 ERP" or "新行 2". */
  row: string
  column: string
  value: string
  reason: string
}

/** What is wrong with a paste or an edit, one line per cell: row, column, value, reason. */
export function ProblemList({ lines }: { lines: ProblemLine[] }) {
  const { t } = useTranslation()
  return (
    <Table<ProblemLine>
      data-testid="grid-problems"
      size="small"
      rowKey="key"
      pagination={lines.length > 8 ? { pageSize: 8, size: 'small' } : false}
      dataSource={lines}
      columns={[
        { key: 'row', dataIndex: 'row', title: t('grid.problems.row'), width: 180, ellipsis: true },
        { key: 'column', dataIndex: 'column', title: t('grid.problems.column'), width: 120 },
        { key: 'value', dataIndex: 'value', title: t('grid.problems.value'), width: 140, ellipsis: true },
        { key: 'reason', dataIndex: 'reason', title: t('grid.problems.reason') },
      ]}
    />
  )
}
