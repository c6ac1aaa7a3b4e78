import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'

/**
 * Calls the web host's API the way the renderer does, to read back what
 * the screen claims was stored and to change rows behind the grid's back.
 */
export async function invoke<T = unknown>(request: APIRequestContext, method: string, input: unknown, userId: number | null = null): Promise<T> {
  const response = await request.post('/api/invoke', { data: { method, input, meta: { locale: 'zh-CN', userId } } })
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error?.code} ${envelope.error?.message}`)
  return envelope.value as T
}

export interface Deal {
  id: number
  name: string
  version: number
  amount: number | null
  currency: string
  probability: number
  expectedCloseDate: string | null
  ownerId: number | null
  stageId: number
  stageName: string
  accountName: string | null
}

export const getDeal = (request: APIRequestContext, id: number) => invoke<Deal>(request, 'opportunities.get', { id })

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

/**
 * Picks an entry of the saved-views menu. A click that lands while the
 * dropdown is still animating open can be swallowed on a loaded machine,
 * so the pick is retried until the menu has closed behind it.
 */
export async function chooseFromViewsMenu(page: Page, item: string | RegExp): Promise<void> {
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)')
  await expect(async () => {
    if (!(await menu.isVisible())) await page.getByTestId('views-menu').click()
    await page.getByRole('menuitem', { name: item }).click({ timeout: 5_000 })
    await expect(menu).toBeHidden({ timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
}
