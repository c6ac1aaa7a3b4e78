import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import { clickUntil } from './click-until'

/**
 * Calls the web host's API the way the renderer does, to read back what
 * the screen claims was stored and to change rows behind the grid's back.
 */
export async function invoke<M extends MethodName>(
  request: APIRequestContext,
  method: M,
  input: MethodInput<M>,
  userId: number | null = null,
): Promise<MethodOutput<M>> {
  const response = await request.post('/api/invoke', { data: { method, input, meta: { locale: 'zh-CN', userId } } })
  const envelope = (await response.json()) as { ok: boolean; value?: MethodOutput<M>; error?: { code: string; message: string } }
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.code} ${envelope.error?.message}`)
  return envelope.value as MethodOutput<M>
}

export const getDeal = (request: APIRequestContext, id: number) => invoke(request, 'opportunities.get', { id })

export function pipelineGrid(page: Page): Locator {
  return page.getByRole('grid', { name: '商机' })
}

/** The data rows on screen, in order. */
export function dataRows(grid: Locator): Locator {
  return grid.locator('[role="row"][data-row-id]')
}

/**
 * The cell of a row under the column with this header, found by the header's
 * aria-colindex. The grid renders only the columns near the viewport, so the
 * header is scrolled into view first, as a person would scroll sideways.
 */
export async function cellOf(grid: Locator, row: Locator, header: string): Promise<Locator> {
  const columnHeader = grid.getByRole('columnheader', { name: header, exact: true })
  await columnHeader.scrollIntoViewIfNeeded()
  const index = await columnHeader.getAttribute('aria-colindex')
  return row.locator(`[role="gridcell"][aria-colindex="${index}"]`)
}

export async function rowId(row: Locator): Promise<number> {
  return Number(await row.getAttribute('data-row-id'))
}

/** The text box that holds the grid's keyboard focus; its label names the cell under the cursor. */
export function gridKeys(page: Page): Locator {
  return page.getByTestId('grid-keys')
}

/** The page's async clipboard (the e2e tsconfig has no DOM types). */
interface PageClipboard {
  navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } }
}

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageClipboard).navigator.clipboard.readText())
}

/** Puts text on the clipboard as Excel would and pastes it with Ctrl+V into the focused grid. */
export async function pasteTsv(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => (globalThis as unknown as PageClipboard).navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+V')
}

export async function expectActiveCell(page: Page, column: string, row: number): Promise<void> {
  await expect(gridKeys(page)).toHaveAttribute('aria-label', new RegExp(`：${column}，第 ${row} 行：`))
}

/** Picks an entry of the saved-views menu, until the menu has closed behind it. */
export async function chooseFromViewsMenu(page: Page, item: string | RegExp): Promise<void> {
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)')
  await clickUntil(page.getByRole('menuitem', { name: item }), () => expect(menu).toBeHidden({ timeout: 3_000 }), {
    opener: page.getByTestId('views-menu'),
    timeout: 30_000,
  })
}

/** Opens a column's filter from its header and ticks one of its choices. */
export async function tickFilterChoice(page: Page, grid: Locator, column: string, choice: string): Promise<void> {
  const ticked = page.getByRole('checkbox', { name: choice, checked: true })
  await clickUntil(page.getByRole('checkbox', { name: choice }), ticked, { opener: grid.getByRole('button', { name: `筛选：${column}` }) })
}
