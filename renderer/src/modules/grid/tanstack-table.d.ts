import '@tanstack/react-table'

declare module '@tanstack/react-table' {
  // The grid's per-column layout hints, read by header and body cells.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures. */
    numeric?: boolean
  }
}
